import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { asciiParser } from '../../../../server/src/realtime/ascii-parser.js';

const decode = (parts: unknown[]): Packet => {
  const decoder = new Decoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (out = p));
  for (const part of parts) decoder.add(part);
  return out!;
};

describe('asciiParser', () => {
  const packet: Packet = {
    type: PacketType.EVENT,
    nsp: '/live',
    data: ['live:delta', { topic: 'grid', seq: 3, items: [{ id: 'c1', title: '井盖缺失 "路口"', address: '江城区东风三路 12 号\n', note: 'emoji 🚧 and é' }] }],
  };

  it('writes every packet as pure ASCII', () => {
    const [text] = new asciiParser.Encoder().encode(packet);
    expect(typeof text).toBe('string');
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text).toContain('\\u4e95'); // 井
    // The standard encoder would have sent the characters as they are.
    expect(new Encoder().encode(packet)[0]).toContain('井盖缺失');
  });

  it('decodes, with the standard decoder any client has, to exactly the same packet', () => {
    const parts = new asciiParser.Encoder().encode(packet);
    expect(decode(parts)).toEqual(decode(new Encoder().encode(packet)));
    expect(decode(parts).data).toEqual(packet.data);
  });

  it('leaves binary attachments alone', () => {
    const bytes = Buffer.from([0xe4, 0xba, 0x95, 0xff]);
    const parts = new asciiParser.Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['blob', { name: '井', bytes }] });
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^[\x00-\x7f]*$/);
    expect(parts[1]).toBe(bytes);
  });
});
