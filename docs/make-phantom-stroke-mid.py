# Builds phantom-stroke.mid: a phantom point gliding along the array, then two tactile strokes
# corner to corner (CC9 sets the engine's routing: 3 phantom, 4 stroke). Run from docs/.
import struct
from midifile import PPQ, track
def sec(s): return int(round(s*PPQ*2))  # 120 bpm
ev=[(0,b'\xff\x51\x03'+(500000).to_bytes(3,'big'),0),(0,b'\xff\x03\x0ephantom+stroke',0)]
# MPE lower zone (15 members, bend range +-48 semitones = the full source area)
for m in [b'\xb0\x65\x00',b'\xb0\x64\x06',b'\xb0\x06\x0f']: ev.append((0,m,0))
def bend14(x):  # -1..1 -> 0..16383
    return max(0,min(16383,int(round(8192+x*(8191 if x>=0 else 8192)))))
# 0..3 s: routing phantom; a point glides left to right along the middle, then back up to the top right
ev.append((0,b'\xb0\x09\x03',1))
ch=1; note=45
ev.append((0,bytes([0xe0|ch])+bytes([bend14(-0.875)&0x7f,bend14(-0.875)>>7]),1))
ev.append((0,bytes([0xb0|ch,74,64]),1))
ev.append((sec(0.1),bytes([0x90|ch,note,110]),2))
steps=120
for k in range(1,steps+1):
    t=0.1+2.4*k/steps; x=-0.875+1.75*k/steps
    b=bend14(x); ev.append((sec(t),bytes([0xe0|ch,b&0x7f,b>>7]),3))
ev.append((sec(2.8),bytes([0x80|ch,note,0]),0))
# 3.2 s: routing stroke; bend -0.875, timbre 0.3125 starts at the bottom-left transducer, the
# mirror through the centre is the top-right one: a 1 s stroke corner to corner.
ev.append((sec(3.1),b'\xb0\x09\x04',1))
for start,ch,x,tim in [(3.2,2,-0.875,40),(4.6,3,0.875,87)]:
    b=bend14(x)
    ev.append((sec(start),bytes([0xe0|ch,b&0x7f,b>>7]),1))
    ev.append((sec(start),bytes([0xb0|ch,74,tim]),1))
    ev.append((sec(start),bytes([0x90|ch,50,120]),2))
    ev.append((sec(start+0.2),bytes([0x80|ch,50,0]),0))
hdr=b'MThd'+struct.pack('>IHHH',6,0,1,PPQ)
open('phantom-stroke.mid','wb').write(hdr+track(ev))
