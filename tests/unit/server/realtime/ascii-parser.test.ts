import { describe, expect, it } from 'vitest';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { asciiParser } from '../../../../server/src/realtime/ascii-parser.js';
import { PreEncoded } from '../../../../server/src/realtime/pre-encoded.js';
import { frameHeader, framedFor, WsFragment } from '../../../../server/src/realtime/shared-frames.js';

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

/** A websocket message as its frames' payloads, read back by RFC 6455 §5.2 (unmasked frames). */
function readFrames(bytes: Buffer): { opcode: number; fin: boolean; payload: Buffer }[] {
  const frames = [];
  for (let at = 0; at < bytes.length;) {
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) [length, start] = [bytes.readUInt16BE(at + 2), at + 4];
    else if (length === 127) [length, start] = [Number(bytes.readBigUInt64BE(at + 2)), at + 10];
    frames.push({ opcode: bytes[at]! & 0x0f, fin: (bytes[at]! & 0x80) !== 0, payload: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

describe('PreEncoded on a websocket that takes shared frames', () => {
  const websocket = { transport: { name: 'websocket', socket: { _sender: { sendFrame() {} } } } };
  const polling = { transport: { name: 'polling' } };
  const big = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, title: `井盖缺失 ${i}` }));
  const two = (id: number, a: PreEncoded, b: PreEncoded): Packet => ({
    type: PacketType.ACK,
    nsp: '/live',
    id,
    data: [{ ok: true, data: { topics: { grid: { seq: 7, snapshot: a }, alerts: { seq: 2, snapshot: b } } } }],
  });

  it('is sent as one fragmented text message whose values are frames of their own, the same bytes for every socket', () => {
    const encoder = new asciiParser.Encoder();
    const [a, b] = [new PreEncoded(big), new PreEncoded([{ id: 'x', note: '江' }])];
    const first = framedFor(websocket, () => encoder.encode(two(4, a, b))) as WsFragment[];
    const second = framedFor(websocket, () => encoder.encode(two(5, a, b))) as WsFragment[];
    expect(first.every((f) => f instanceof WsFragment)).toBe(true);
    // text + a, text + b, closing text: the values' frames are the very same buffers
    expect(first.map((f) => f.frames.length)).toEqual([2, 2, 1]);
    expect(first[0]!.frames[1]).toBe(second[0]!.frames[1]);
    expect(first[1]!.frames[1]).toBe(second[1]!.frames[1]);

    const frames = readFrames(Buffer.concat(first.flatMap((f) => f.frames)));
    expect(frames.map((f) => [f.opcode, f.fin])).toEqual([
      [1, false],
      [0, false],
      [0, false],
      [0, false],
      [0, true],
    ]);
    const message = Buffer.concat(frames.map((f) => f.payload)).toString('latin1');
    // exactly the Engine.IO message ("4" + packet) the socket would otherwise have been sent
    expect(message).toBe(`4${encoder.encode(two(4, a, b))[0] as string}`);
    expect(decode([message.slice(1)]).data).toEqual([{ ok: true, data: { topics: { grid: { seq: 7, snapshot: big }, alerts: { seq: 2, snapshot: [{ id: 'x', note: '江' }] } } } }]);
  });

  it('is spliced into text for a socket on long polling, and outside a framed send', () => {
    const encoder = new asciiParser.Encoder();
    const shared = new PreEncoded(big);
    for (const parts of [framedFor(polling, () => encoder.encode(ack(1, shared))), encoder.encode(ack(1, shared))]) {
      expect(parts).toHaveLength(1);
      expect(decode(parts)).toEqual(decode(new Encoder().encode(ack(1, big))));
    }
  });

  it('writes frame lengths in the short, 16-bit and 64-bit forms', () => {
    for (const length of [0, 125, 126, 65_535, 65_536, 300_000]) {
      const [frame] = readFrames(Buffer.concat([frameHeader(0, true, length), Buffer.alloc(length)]));
      expect(frame!.payload.length).toBe(length);
      expect(frame!.fin).toBe(true);
    }
  });
});
