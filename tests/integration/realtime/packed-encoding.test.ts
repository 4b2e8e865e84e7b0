import { describe, expect, it } from 'vitest';
import { itemDistricts } from '../../../server/src/realtime/index.js';
import type { LiveTopic, TopicItems, WireDelta } from '../../../shared/contracts/live.js';
import { deltaItems } from '../../../shared/contracts/packed.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import { barrier, fakeSnapshot, record, useLiveServer, waitFor, type LiveClient, type LiveServerHandle } from './live-harness.js';
import { gridCase, JIANGCHENG, YANGDONG } from './live-items.js';

/** What a client was pushed, in either encoding (the harness types deltas as plain). */
function recordWire(client: LiveClient) {
  const got = record(client);
  return { ...got, wire: got.deltas as WireDelta[] };
}

const ids = (d: WireDelta) => deltaItems(d).map((i) => i.id);
const isPacked = (d: WireDelta) => 'packed' in d && !('items' in d);
const isPlain = (d: WireDelta) => 'items' in d && !('packed' in d);

/** Cases with repeating CJK text, so the packed deltas carry a dictionary. */
const batch = (prefix: string, n: number, district: string | null = JIANGCHENG) => Array.from({ length: n }, (_, i) => gridCase(`${prefix}${i}`, district, i % 2 ? '井盖缺失' : '道路破损'));

describe('live hub: packed delta encoding', () => {
  const live = useLiveServer();
  const publish = async (server: LiveServerHandle, items: GridCase[]) => {
    server.hub.publish('grid', items);
    await server.hub.flush();
  };

  it('sends a packed and a plain subscriber the same items, each in its own encoding', async () => {
    const server = await live.start();
    const packedClient = await live.connect('leader-token');
    const otherPacked = await live.connect('leader-token');
    const plainClient = await live.connect('leader-token');
    const packed = recordWire(packedClient);
    const packed2 = recordWire(otherPacked);
    const plain = recordWire(plainClient);
    const answers = await Promise.all([
      packedClient.emitWithAck('live:subscribe', { topics: ['grid'], encoding: 'packed' }),
      otherPacked.emitWithAck('live:subscribe', { topics: ['grid'], encoding: 'packed' }),
      plainClient.emitWithAck('live:subscribe', { topics: ['grid'] }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);

    const batches = [batch('a', 6), [...batch('b', 3, YANGDONG), gridCase('b-none', null)], [gridCase('c', JIANGCHENG)]];
    for (const items of batches) await publish(server, items);
    await waitFor(() => packed.wire.length === 3 && packed2.wire.length === 3 && plain.wire.length === 3, 'three deltas each');

    expect(plain.wire.every(isPlain)).toBe(true);
    expect(packed.wire.every(isPacked)).toBe(true);
    expect(packed.wire.map((d) => d.seq)).toEqual(plain.wire.map((d) => d.seq));
    expect(packed.wire.map((d) => deltaItems(d))).toEqual(plain.wire.map((d) => deltaItems(d)));
    expect(packed2.wire).toEqual(packed.wire);
    expect(plain.wire.map((d) => deltaItems(d))).toEqual(batches);
    // The repeating strings went over the wire as a dictionary.
    const first = packed.wire[0]!;
    if (!('packed' in first)) throw new Error('expected a packed delta');
    expect(first.packed.coded.length).toBeGreaterThan(0);
    expect(first.packed.dict).toEqual(expect.arrayContaining(['道路破损', '井盖缺失', 'road']));
    // One room per encoding: two emits per delta, whatever the number of packed subscribers.
    expect(server.hub.stats()).toMatchObject({ roomEmits: 6, deliveries: 9 });
  });

  it('keeps the subscribe answer plain: the snapshot and the missed deltas carry items', async () => {
    const state = [gridCase('s1', JIANGCHENG), gridCase('s2', YANGDONG)];
    const server = await live.start({ snapshot: fakeSnapshot({ grid: state }) });
    for (const id of ['a', 'b', 'c']) await publish(server, [gridCase(id, JIANGCHENG)]);
    const client = await live.connect('leader-token');
    const fresh = await client.emitWithAck('live:subscribe', { topics: ['grid'], encoding: 'packed' });
    expect(fresh).toEqual({ ok: true, data: { topics: { grid: { seq: 3, snapshot: state } } } });
    const replay = await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 1 }, encoding: 'packed' });
    expect(replay).toEqual({
      ok: true,
      data: {
        topics: {
          grid: {
            seq: 3,
            missed: [
              { topic: 'grid', seq: 2, items: [gridCase('b', JIANGCHENG)] },
              { topic: 'grid', seq: 3, items: [gridCase('c', JIANGCHENG)] },
            ],
          },
        },
      },
    });
  });

  it('packs the deltas held while a subscribe is answered, too', async () => {
    let hubRef: LiveServerHandle['hub'] | undefined;
    // The snapshot read races with a publish: the delta is held and sent after the ack.
    const racing = async <T extends LiveTopic>(_topic: T): Promise<TopicItems[T][]> => {
      hubRef!.publish('grid', batch('raced', 4));
      await hubRef!.flush();
      return [];
    };
    const server = await live.start({ snapshot: racing });
    hubRef = server.hub;
    const client = await live.connect('leader-token');
    const events: string[] = [];
    const got: WireDelta[] = [];
    (client as unknown as { on(ev: 'live:delta', fn: (d: WireDelta) => void): void }).on('live:delta', (d) => {
      got.push(d);
      events.push(`delta ${d.seq}`);
    });
    client.emit('live:subscribe', { topics: ['grid'], encoding: 'packed' }, (res) => events.push(res.ok ? `ack ${res.data.topics.grid!.seq}` : 'refused'));
    await waitFor(() => events.length >= 2, 'the held delta');
    await publish(server, [gridCase('later', JIANGCHENG)]);
    await waitFor(() => events.length >= 3, 'the next live delta');
    expect(events).toEqual(['ack 0', 'delta 1', 'delta 2']);
    expect(got.every(isPacked)).toBe(true);
    expect(got.map((d) => deltaItems(d))).toEqual([batch('raced', 4), [gridCase('later', JIANGCHENG)]]);
  });

  it('switches encoding on a new subscribe, without sending a delta twice', async () => {
    const server = await live.start();
    const client = await live.connect('leader-token');
    const got = recordWire(client);
    await client.emitWithAck('live:subscribe', { topics: ['grid'] });
    await publish(server, batch('p', 2));
    await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 1 }, encoding: 'packed' });
    await publish(server, batch('q', 2));
    await client.emitWithAck('live:subscribe', { topics: ['grid'], since: { grid: 2 } });
    await publish(server, batch('r', 2));
    await waitFor(() => got.wire.length >= 3, 'three deltas');
    await barrier(client);
    expect(got.wire.map((d) => [d.seq, isPacked(d) ? 'packed' : isPlain(d) ? 'items' : '?', ids(d)])).toEqual([
      [1, 'items', ['p0', 'p1']],
      [2, 'packed', ['q0', 'q1']],
      [3, 'items', ['r0', 'r1']],
    ]);
    expect(server.hub.stats().subscriptions).toBe(1);
  });

  it('never sends a district-scoped packed subscriber an item outside its districts', async () => {
    const server = await live.start({ snapshot: fakeSnapshot({ grid: [gridCase('s-jc', JIANGCHENG), gridCase('s-yd', YANGDONG)] }) });
    const gridPacked = await live.connect('grid-token');
    const gridPlain = await live.connect('grid-token');
    const leaderYd = await live.connect('leader-token');
    const packed = recordWire(gridPacked);
    const plain = recordWire(gridPlain);
    const yd = recordWire(leaderYd);
    const res = await gridPacked.emitWithAck('live:subscribe', { topics: ['grid'], encoding: 'packed' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.topics.grid!.snapshot!.map((c) => c.id)).toEqual(['s-jc']);
    await gridPlain.emitWithAck('live:subscribe', { topics: ['grid'] });
    await leaderYd.emitWithAck('live:subscribe', { topics: ['grid'], districts: [YANGDONG], encoding: 'packed' });

    await publish(server, [...batch('jc', 3), ...batch('yd', 3, YANGDONG), gridCase('none', null), gridCase('jc-last', JIANGCHENG)]);
    await publish(server, batch('yd-only', 2, YANGDONG));
    await publish(server, batch('jc-more', 2));
    await waitFor(() => packed.wire.length === 3 && plain.wire.length === 3 && yd.wire.length === 3, 'three deltas each');

    // Every seq arrives, with only the scope's items in it.
    expect(packed.wire.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(packed.wire.map(ids)).toEqual([['jc0', 'jc1', 'jc2', 'jc-last'], [], ['jc-more0', 'jc-more1']]);
    for (const d of packed.wire) for (const item of deltaItems(d)) expect(itemDistricts('grid', item as GridCase)).toEqual([JIANGCHENG]);
    expect(packed.wire.map((d) => deltaItems(d))).toEqual(plain.wire.map((d) => deltaItems(d)));
    // The deltas with items for the scope are packed; the scoped packets carry nothing foreign.
    expect([packed.wire[0]!, packed.wire[2]!].every(isPacked)).toBe(true);
    expect(JSON.stringify(packed.wire)).not.toMatch(/yd|none|441704/);
    expect(plain.wire.every(isPlain)).toBe(true);

    expect(yd.wire.map(ids)).toEqual([['yd0', 'yd1', 'yd2'], ['yd-only0', 'yd-only1'], []]);
    expect([yd.wire[0]!, yd.wire[1]!].every(isPacked)).toBe(true);
  });

  it('refuses an unknown encoding and leaves the current subscription alone', async () => {
    const server = await live.start();
    const client = await live.connect('leader-token');
    const got = recordWire(client);
    expect(await client.emitWithAck('live:subscribe', { topics: ['grid'], encoding: 'packed' })).toMatchObject({ ok: true });
    for (const encoding of ['gzip', 'PACKED', '', 1, null]) {
      const res = await client.emitWithAck('live:subscribe', { topics: ['grid'], encoding } as never);
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    await publish(server, batch('x', 2));
    await waitFor(() => got.wire.length === 1, 'the delta');
    expect(isPacked(got.wire[0]!)).toBe(true);
    expect(ids(got.wire[0]!)).toEqual(['x0', 'x1']);
    expect(client.connected).toBe(true);
  });
});
