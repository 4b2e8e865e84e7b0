import { describe, expect, it } from 'vitest';
import { itemDistricts } from '../../../server/src/realtime/index.js';
import type { LiveTopic } from '../../../shared/contracts/live.js';
import { barrier, fakeSnapshot, record, useLiveServer, waitFor, type LiveServerHandle } from './live-harness.js';
import { alert, CITY, gridCase, indicator, JIANGCHENG, kpi, observation, YANGDONG } from './live-items.js';

const ALL: LiveTopic[] = ['grid', 'alerts', 'env', 'economy', 'kpi'];

/** One item per topic in each district and at city level. */
function publishEverywhere(server: LiveServerHandle) {
  const { hub } = server;
  hub.publish('grid', [gridCase('g-jc', JIANGCHENG), gridCase('g-yd', YANGDONG), gridCase('g-none', null)]);
  hub.publish('alerts', [alert('a-jc-yd', [JIANGCHENG, YANGDONG]), alert('a-yd', [YANGDONG]), alert('a-city', [CITY])]);
  hub.publish('env', [observation('e-jc', JIANGCHENG), observation('e-yd', YANGDONG)]);
  hub.publish('economy', [indicator('i-jc', JIANGCHENG), indicator('i-city', CITY)]);
  hub.publish('kpi', [kpi(JIANGCHENG), kpi(YANGDONG), kpi(CITY)]);
  return hub.flush();
}

describe('live hub: district scoping', () => {
  const live = useLiveServer();

  it('never sends a grid user items of other districts nor city-level items', async () => {
    const server = await live.start({
      snapshot: fakeSnapshot({ kpi: [kpi(JIANGCHENG), kpi(YANGDONG), kpi(CITY)], grid: [gridCase('s-jc', JIANGCHENG), gridCase('s-yd', YANGDONG)] }),
    });
    const grid = await live.connect('grid-token');
    const got = record(grid);
    const res = await grid.emitWithAck('live:subscribe', { topics: ALL });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.topics.kpi!.snapshot!.map((k) => k.id)).toEqual([`kpi:${JIANGCHENG}`]);
    expect(res.data.topics.grid!.snapshot!.map((c) => c.id)).toEqual(['s-jc']);

    await publishEverywhere(server);
    await waitFor(() => got.deltas.length === ALL.length, 'one delta per topic');
    const ids = got.deltas.flatMap((d) => d.items.map((i) => i.id)).sort();
    expect(ids).toEqual(['a-jc-yd', 'e-jc', 'g-jc', 'i-jc', `kpi:${JIANGCHENG}`]);
    for (const d of got.deltas) {
      for (const item of d.items) expect(itemDistricts(d.topic, item as never)).toContain(JIANGCHENG);
    }
  });

  it('sends an unrestricted user everything, city-level items included', async () => {
    const server = await live.start();
    const leader = await live.connect('leader-token');
    const got = record(leader);
    await leader.emitWithAck('live:subscribe', { topics: ALL });
    await publishEverywhere(server);
    await waitFor(() => got.deltas.length === ALL.length, 'one delta per topic');
    const ids = got.deltas.flatMap((d) => d.items.map((i) => i.id));
    expect(ids).toHaveLength(13);
    expect(ids).toEqual(expect.arrayContaining(['a-city', 'i-city', `kpi:${CITY}`, 'g-none']));
  });

  it('refuses a grid user asking only for districts outside its own', async () => {
    const server = await live.start();
    const grid = await live.connect('grid-token');
    const got = record(grid);
    const res = await grid.emitWithAck('live:subscribe', { topics: ['grid'], districts: [YANGDONG] });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await publishEverywhere(server);
    await barrier(grid);
    expect(got.deltas).toEqual([]);
  });

  it('narrows a grid user asking for its own and a foreign district to its own', async () => {
    const server = await live.start();
    const grid = await live.connect('grid-token');
    const got = record(grid);
    const res = await grid.emitWithAck('live:subscribe', { topics: ['grid'], districts: [JIANGCHENG, YANGDONG] });
    expect(res.ok).toBe(true);
    await publishEverywhere(server);
    await waitFor(() => got.deltas.length === 1, 'the grid delta');
    expect(got.deltas[0]!.items.map((i) => i.id)).toEqual(['g-jc']);
  });

  it('lets an unrestricted user narrow to a district', async () => {
    const server = await live.start();
    const leader = await live.connect('leader-token');
    const got = record(leader);
    await leader.emitWithAck('live:subscribe', { topics: ['kpi', 'alerts'], districts: [YANGDONG] });
    await publishEverywhere(server);
    await waitFor(() => got.deltas.length === 2, 'two deltas');
    expect(got.deltas.flatMap((d) => d.items.map((i) => i.id)).sort()).toEqual(['a-jc-yd', 'a-yd', `kpi:${YANGDONG}`]);
  });

  it('still sends a scoped client every seq, with no items when none are its own', async () => {
    const server = await live.start();
    const grid = await live.connect('grid-token');
    const got = record(grid);
    await grid.emitWithAck('live:subscribe', { topics: ['env'] });
    server.hub.publish('env', [observation('yd-1', YANGDONG)]);
    await server.hub.flush();
    server.hub.publish('env', [observation('jc-1', JIANGCHENG)]);
    await server.hub.flush();
    await waitFor(() => got.deltas.length === 2, 'two deltas');
    expect(got.deltas.map((d) => [d.seq, d.items.map((i) => i.id)])).toEqual([
      [1, []],
      [2, ['jc-1']],
    ]);
  });
});
