import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { VitalSigns } from '../../../shared/contracts/kpi.js';

const MINUTE = 60_000;
const CITY = '441700';

describe.each([
  { engine: 'PGlite (embedded)', postgres: false },
  { engine: 'PostgreSQL (DATABASE_URL)', postgres: true },
])('KPI history on $engine: one sample per scope and minute', ({ postgres }) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  // The server's clock starts 10 s into the previous minute, behind the real time.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - 50_000;
  let clock = new Date(start);

  beforeEach(async () => {
    clock = new Date(start);
    schema = postgres ? await pgSchema() : null;
    srv = await startTestServer({ now: () => clock, databaseUrl: schema?.url });
  });
  afterEach(async () => {
    await srv.close();
    await schema?.drop();
  });

  const history = async (query: string, user: 'leader' | 'grid' = 'leader') => {
    const res = await srv.get(`/api/v1/kpi/history?${query}`, user);
    return { status: res.status, body: (await res.json()) as { items: VitalSigns[]; error?: { code: string } } };
  };
  const wide = () => `from=${new Date(start - 2 * 86_400_000).toISOString()}&to=${new Date(clock.getTime() + MINUTE).toISOString()}`;
  const advance = async (ms: number) => {
    clock = new Date(clock.getTime() + ms);
    await srv.app.domain.refreshKpis(true);
  };

  it('keeps the latest figures of each minute, oldest first, and answers the last hour by default', async () => {
    // Startup took the first minute's sample.
    const first = await history(`district=${CITY}&${wide()}`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((v) => v.scope)).toEqual([CITY]);
    const before = first.body.items[0]!.cases.today;
    // Without from/to: the last hour up to the real time, which is ahead of the server's clock.
    expect((await history(`district=${CITY}`)).body.items).toEqual(first.body.items);

    await srv.ingest('/api/v1/ingest/grid-events', [gridEvent(), gridEvent()]);
    await advance(MINUTE);
    await srv.ingest('/api/v1/ingest/grid-events', gridEvent());
    await advance(5_000); // same minute: replaces that minute's sample
    const { body } = await history(`district=${CITY}&${wide()}`);
    const today = body.items.map((v) => v.cases.today);
    expect(today).toHaveLength(2);
    // The first minute holds what was computed last in it: at startup, or after the first two
    // cases if the server's own KPI job ran before the clock moved on.
    expect([before, before + 2]).toContain(today[0]);
    expect(today[1]).toBe(before + 3);
    // One sample per minute. The server's own KPI job may also have taken the second minute's
    // latest figures before the test's refresh did, so the time within that minute varies.
    expect(body.items.map((v) => Math.floor(Date.parse(v.computedAt) / MINUTE))).toEqual([Math.floor(start / MINUTE), Math.floor(start / MINUTE) + 1]);

    // Every scope has its sample: the city and each of its districts.
    const all = await history(wide());
    const scopes = new Set(all.body.items.map((v) => v.scope));
    expect(scopes.has(CITY)).toBe(true);
    expect(scopes.has('441702')).toBe(true);
    expect(all.body.items.length).toBe(2 * scopes.size);
  });

  it("a grid account reads only its own district's samples", async () => {
    const own = await history(wide(), 'grid');
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((v) => v.scope))).toEqual(new Set(['441702']));
    const foreign = await history(`district=441781&${wide()}`, 'grid');
    expect(foreign.status).toBe(403);
  });

  it('refuses a malformed range with 422 and stores nothing new', async () => {
    for (const q of ['from=yesterday', `from=${new Date(start).toISOString()}&to=${new Date(start - MINUTE).toISOString()}`, 'district=4417']) {
      const res = await history(q);
      expect(res.status, q).toBe(422);
      expect(res.body.error?.code, q).toBe('validation_failed');
    }
    expect((await history(wide())).body.items.every((v) => Date.parse(v.computedAt) === start)).toBe(true);
  });

  it('drops samples older than a day', async () => {
    await advance(MINUTE);
    await advance(24 * 3_600_000 + MINUTE);
    const { body } = await history(`district=${CITY}&${wide()}`);
    expect(body.items.map((v) => Date.parse(v.computedAt))).toEqual([clock.getTime()]);
  });
});
