# Standard MIDI file pieces shared by the make-*-mid.py scripts.
import struct
def vlq(n):
    out=[n&0x7f]; n>>=7
    while n: out.append((n&0x7f)|0x80); n>>=7
    return bytes(reversed(out))
PPQ=480
def track(events):
    # events: (tick, message bytes, order among equal ticks)
    events.sort(key=lambda e:(e[0],e[2]))
    data=b''; t=0
    for tick,msg,_ in events:
        data+=vlq(tick-t)+msg; t=tick
    data+=vlq(0)+b'\xff\x2f\x00'
    return b'MTrk'+struct.pack('>I',len(data))+data
