import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { INGEST_KEY, pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { loadSimCity, type SimCity } from '../../../mock-data/simulator/index.js';
import { historyDay } from '../../../mock-data/history/history-day.js';
import { typhoonIn } from '../../../mock-data/history/typhoon-history.js';
import { runHistoryBackfill } from '../../../server/src/demo/history-backfill.js';
import { readHistoryState } from '../../../server/src/demo/history-state.js';
import { startHistoryTail } from '../../../server/src/demo/history-tail.js';
import { localParts, localTime } from '../../../mock-data/simulator/time.js';

const DAY = 86_400_000;
const log = pino({ level: 'silent' });

// Issue 12 #1: the history comes in through the ingest routes, and a restart — even in the
// middle of a day — neither loses nor doubles anything.
describe('the demo history back-fill across a restart', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let city: SimCity;
  beforeAll(async () => {
    schema = await pgSchema();
    city = await loadSimCity('441700');
  });
  afterAll(async () => schema.drop());

  const counts = async (srv: TestServer) => {
    const cases = await srv.db.query<{ n: number }>('select count(*)::int as n from cases');
    const steps = await srv.db.query<{ n: number }>('select count(*)::int as n from case_timeline');
    return { cases: cases.rows[0]!.n, steps: steps.rows[0]!.n };
  };

  it('resumes a back-fill stopped in the middle of a day, and runs a finished one never again', async () => {
    // A window of two days: the first whole, the second until 20:00 local time.
    const { year, month, day } = localParts(Date.now() - 3 * DAY);
    const now = new Date(localTime(year, month, day, 20));
    const from = localTime(year, month, day) - DAY;
    const typhoon = typhoonIn(from, now.getTime());
    const dayOne = historyDay({ seed: 7, city, dayStart: from, until: now.getTime(), typhoon }).length;
    const expected = [...historyDay({ seed: 7, city, dayStart: from, until: now.getTime(), typhoon }), ...historyDay({ seed: 7, city, dayStart: from + DAY, until: now.getTime(), typhoon })];
    let srv = await startTestServer({ databaseUrl: schema.url });
    // Stop inside the second day, after two of its requests: its cases are then partly stored.
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    let stop = false;
    const first = await runHistoryBackfill({
      db: srv.db,
      url: srv.url,
      key: INGEST_KEY,
      city,
      log,
      now,
      days: 2,
      seed: 7,
      batch: 500,
      fetchImpl: counting,
      stopping: () => (stop ||= requests >= Math.ceil(dayOne / 500) + 2),
    });
    expect(first).toMatchObject({ finished: false, days: 1 });
    const partial = await counts(srv);
    await srv.close();

    srv = await startTestServer({ databaseUrl: schema.url });
    const state = await readHistoryState(srv.db, '441700');
    expect(state).toMatchObject({ daysDone: 1, finished: false, seed: 7 });
    const second = await runHistoryBackfill({ db: srv.db, url: srv.url, key: INGEST_KEY, city, log, now: new Date(), days: 90 });
    expect(second).toMatchObject({ finished: true, days: 2 });

    // Exactly what the two days hold: regenerated the same way, stored once.
    expect(state).toMatchObject({ from, to: now.getTime() });
    const stored = await counts(srv);
    expect(partial.cases).toBeGreaterThan(dayOne);
    expect(partial.cases).toBeLessThan(expected.length);
    expect(stored).toEqual({ cases: expected.length, steps: expected.reduce((n, c) => n + (c.event.steps?.length ?? 0), 0) });
    expect(second!.cases).toBe(expected.length);

    expect(await runHistoryBackfill({ db: srv.db, url: srv.url, key: INGEST_KEY, city, log, days: 2 })).toBeNull();
    expect(await counts(srv)).toEqual(stored);
    await srv.close();
  }, 120_000);
});

// The history's cases still open when its window ended go on being handled afterwards, so no
// case of the history stays open for good.
describe('the demo history after its window', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  beforeAll(async () => {
    schema = await pgSchema();
  });
  afterAll(async () => schema.drop());

  it('closes the cases left open at the end of the window as their planned steps come due', async () => {
    const city = await loadSimCity('441700');
    const { year, month, day } = localParts(Date.now() - 40 * DAY);
    const end = localTime(year, month, day, 15);
    const srv = await startTestServer({ databaseUrl: schema.url });
    const open = async () => (await srv.db.query<{ n: number }>("select count(*)::int as n from cases where status not in ('closed', 'evaluated', 'rejected')")).rows[0]!.n;
    expect(await runHistoryBackfill({ db: srv.db, url: srv.url, key: INGEST_KEY, city, log, now: new Date(end), days: 2, seed: 11 })).toMatchObject({ finished: true });
    const backlog = await open();
    expect(backlog).toBeGreaterThan(100); // the last day's cases, still being handled when the window ended

    let now = end + DAY;
    const tail = (await startHistoryTail({ db: srv.db, url: srv.url, key: INGEST_KEY, city, log, now: () => now, everyMs: 3_600_000 }))!;
    const dayLater = await open();
    expect(dayLater).toBeGreaterThan(0);
    expect(dayLater).toBeLessThan(backlog);
    now = Date.now();
    expect(await tail.pass()).toBeGreaterThan(0);
    expect(await open()).toBe(0);
    expect(await tail.pass()).toBe(0);
    await tail.stop();
    await srv.close();
  }, 120_000);
});
