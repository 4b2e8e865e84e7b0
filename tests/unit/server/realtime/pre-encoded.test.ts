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
