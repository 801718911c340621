import struct, math
from midifile import PPQ, track
tempo=[(0,b'\xff\x51\x03'+(500000).to_bytes(3,'big'),0),(0,b'\xff\x03\x0chaptic study',0),(PPQ*16,b'\xff\x51\x03'+(400000).to_bytes(3,'big'),0)]
ev=[]
def sec(s): return int(s*PPQ*2)  # 120 bpm for the first part (approx; tempo change later)
# MPE configuration: RPN 6 on channel 1 (index 0): 15 member channels
for m in [b'\xb0\x65\x00',b'\xb0\x64\x06',b'\xb0\x06\x0f']: ev.append((0,m,0))
# travelling waves: 8 notes on members 2..9, velocity 40, sources sweep by pitch bend and CC74
for v in range(8):
    ch=1+v; start=sec(0.5+v*0.6); end=sec(9+v*0.3); note=40+v*4
    ev.append((start,bytes([0x90|ch,note,40]),1))
    for k in range(0,end-start,24):
        ph=k/(PPQ*2)
        bend=int(8192+8191*math.sin(2*math.pi*(0.3+0.05*v)*ph))
        ev.append((start+k,bytes([0xe0|ch,bend&0x7f,bend>>7]),2))
        ev.append((start+k,bytes([0xb0|ch,74,int(64+63*math.cos(2*math.pi*0.2*ph))]),2))
        ev.append((start+k,bytes([0xd0|ch,int(80+40*math.sin(2*math.pi*0.5*ph))]),2))
    ev.append((end,bytes([0x80|ch,note,0]),0))
# a ninth wave note steals the oldest
ev.append((sec(6),bytes([0x9a,70,30]),1)); ev.append((sec(8),bytes([0x8a,70,0]),0))
# standing waves on channels 12..15: pulses, velocity 100
for i in range(12):
    ch=11+(i%4); t=sec(1+i*0.8)
    ev.append((t,bytes([0x90|ch,36+i*3,100]),1)); ev.append((t+sec(0.3),bytes([0x80|ch,36+i*3,0]),0))
hdr=b'MThd'+struct.pack('>IHHH',6,1,2,PPQ)
open('study.mid','wb').write(hdr+track(tempo)+track(ev))
