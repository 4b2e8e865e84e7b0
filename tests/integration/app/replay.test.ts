import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent, JIANGCHENG, YANGCHUN } from '../../fixtures/payloads.js';

interface ReplayEvent {
  at: string;
  topic: string;
  item: { id?: string; status?: string; msgType?: string };
}

describe('replay of a past window', () => {
  let srv: TestServer;
  beforeEach(async () => {
    srv = await startTestServer();
  });
  afterEach(async () => srv.close());

  it('returns case steps and alert messages of the window in time order, scoped for grid users', async () => {
    const t0 = Date.now() - 3600_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const mine = gridEvent({ reportedAt: at(1), location: JIANGCHENG });
    const theirs = gridEvent({ reportedAt: at(2), location: YANGCHUN });
    const ids = ((await (await srv.ingest('/api/v1/ingest/grid-events', [mine, theirs])).json()) as { ids: string[] }).ids;
    await srv.ingest('/api/v1/ingest/grid-events', { ...mine, status: 'dispatched', statusAt: at(5) });
    await srv.ingest('/api/v1/ingest/alerts', alertJson());

    const url = `/api/v1/replay?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
    const all = (await (await srv.get(url)).json()) as { events: ReplayEvent[] };
    const steps = all.events.filter((e) => e.topic === 'grid').map((e) => [e.item.id, e.item.status]);
    expect(steps).toEqual([
      [ids[0], 'reported'],
      [ids[1], 'reported'],
      [ids[0], 'registered'],
      [ids[0], 'dispatched'],
    ]);
    expect(all.events.filter((e) => e.topic === 'alerts').map((e) => e.item.msgType)).toEqual(['Alert']);
    expect(all.events.map((e) => e.at)).toEqual([...all.events.map((e) => e.at)].sort());

    const scoped = (await (await srv.get(url, 'grid')).json()) as { events: ReplayEvent[] };
    expect(new Set(scoped.events.filter((e) => e.topic === 'grid').map((e) => e.item.id))).toEqual(new Set([ids[0]]));
  });
});
