import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { asciiParser } from '../../../../server/src/realtime/ascii-parser.js';
import { PreEncoded } from '../../../../server/src/realtime/pre-encoded.js';

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

/** A subscribe ack carrying `snapshot`, as live.handlers.ts replies it. */
const ack = (id: number, snapshot: unknown): Packet => ({ type: PacketType.ACK, nsp: '/live', id, data: [{ ok: true, data: { topics: { grid: { seq: 7, snapshot } } } }] });

describe('PreEncoded in a packet', () => {
  const items = [
    { id: 'c1', title: '井盖缺失 "路口"', note: 'emoji 🚧', n: 1 },
    { id: 'c2', title: 'plain', n: 2 },
  ];

  it('is sent as the same ASCII JSON the value itself would be', () => {
    const parts = new asciiParser.Encoder().encode(ack(3, new PreEncoded(items)));
    expect(parts[0]).toMatch(/^[\x00-\x7f]*$/);
    expect(decode(parts)).toEqual(decode(new Encoder().encode(ack(3, items))));
  });

  it('is stringified once however many packets carry it', () => {
    let stringified = 0;
    const counted = items.map((it) => ({ ...it, toJSON: () => (stringified++, it) }));
    const shared = new PreEncoded(counted);
    const encoder = new asciiParser.Encoder();
    const sent = [1, 2, 3].map((id) => decode(encoder.encode(ack(id, shared))));
    expect(stringified).toBe(counted.length);
    for (const p of sent) expect((p.data as [{ data: { topics: { grid: { snapshot: unknown } } } }])[0].data.topics.grid.snapshot).toEqual(items);
  });

  it('serializes as the value outside a packet, and two in one packet each land in place', () => {
    expect(JSON.stringify({ a: new PreEncoded(items) })).toBe(JSON.stringify({ a: items }));
    const p: Packet = { type: PacketType.EVENT, nsp: '/', data: ['two', { first: new PreEncoded([1]), second: new PreEncoded({ x: '江' }) }] };
    expect(decode(new asciiParser.Encoder().encode(p)).data).toEqual(['two', { first: [1], second: { x: '江' } }]);
  });
});
