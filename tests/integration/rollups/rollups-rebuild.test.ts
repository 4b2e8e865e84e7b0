import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/src/store/db.js';
import { migrate } from '../../../server/src/store/migrate.js';
import { loadCityPack, type CityPack } from '../../../server/src/city/city-pack.js';
import { createLocator } from '../../../server/src/city/locate.js';
import { createGridService, type GridService } from '../../../server/src/domain/grid/grid.service.js';
import { getCase } from '../../../server/src/domain/grid/cases.repository.js';
import { catchUpRollups, foldAllRollups, foldRollupLog, foldRollupsWhenQuiet, rebuildRollups } from '../../../server/src/domain/rollups/rollups.repository.js';
import { rollupContext } from '../../../server/src/domain/rollups/rollup-context.js';
import { COUNTERS } from '../../../shared/domain/indicators.js';
import { actionsFor, type CaseAction } from '../../../shared/domain/lifecycle.js';
import type { Actor } from '../../../server/src/domain/ports.js';
import type { CaseStatus, CaseStepAction, GridEventInput } from '../../../shared/schemas/grid-event.js';
import { createRng } from '../../../mock-data/city-pack-builder/prng.js';
import { gridEvent, JIANGCHENG } from '../../fixtures/payloads.js';
import { pgSchema } from '../../helpers/test-server.js';
import { rollupsSnapshot } from '../../helpers/rollups-snapshot.js';

const SOURCES = ['inspector', 'citizen', 'hotline', 'video_ai', 'sensor', 'open311'] as const;
const duty: Actor = { username: 'duty', role: 'duty', districts: null };

/** The handling steps a sending system may report next, by the case's stage. */
const NEXT_STEPS: Partial<Record<CaseStatus, CaseStepAction[]>> = {
  reported: ['register'],
  registered: ['dispatch'],
  dispatched: ['start', 'dispatch', 'supervise'],
  in_progress: ['feedback', 'dispatch', 'supervise'],
  feedback: ['send_back', 'close'],
};
/** The steps the last mix sent through ingest and the server took. */
const stepsSent: CaseStepAction[] = [];

/** A seeded random mix of ingest (reports, drills, integrators' forward moves and handling steps) and people's actions. */
async function randomMix(db: Db, grid: GridService, city: CityPack, clock: { t: number }, seed: string): Promise<void> {
  const rng = createRng(seed);
  const categories = [...city.categoryByCode.keys()];
  const cases: { id: string; sourceId: string; exercise: boolean; source: string }[] = [];
  for (let step = 0; step < 260; step++) {
    clock.t += rng.int(1, 7) * 1_800_000; // half an hour to three and a half hours on
    const roll = rng.next();
    if (roll < 0.25 || cases.length < 5) {
      const batch: GridEventInput[] = Array.from({ length: rng.int(1, 6) }, () => {
        const exercise = rng.next() < 0.15;
        return {
          sourceId: `mix-${seed}-${cases.length}-${rng.int(0, 1e9)}`,
          source: rng.pick(SOURCES),
          category: rng.pick(categories),
          title: '随机案件',
          location: { lon: JIANGCHENG.lon + (rng.next() - 0.5) * 0.05, lat: JIANGCHENG.lat + (rng.next() - 0.5) * 0.05 },
          reportedAt: new Date(clock.t - rng.int(0, 3) * 3_600_000).toISOString(),
          ...(exercise ? { exercise } : {}),
          ...(rng.next() < 0.3 ? { status: rng.pick(['registered', 'dispatched', 'feedback'] as const), statusAt: new Date(clock.t).toISOString() } : {}),
        };
      });
      const { ids } = await grid.ingest(batch);
      batch.forEach((e, i) => cases.push({ id: ids[i]!, sourceId: e.sourceId, exercise: e.exercise ?? false, source: e.source }));
      continue;
    }
    const c = rng.pick(cases);
    const cur = await getCase(db, c.id);
    // The stored case as its sending system sends it again, with a move or steps added.
    const resent: GridEventInput = {
      sourceId: c.sourceId,
      source: c.source as GridEventInput['source'],
      category: cur!.category,
      title: cur!.title,
      location: { lon: cur!.lon, lat: cur!.lat },
      reportedAt: cur!.reportedAt,
      ...(c.exercise ? { exercise: true } : {}),
    };
    if (roll < 0.35) {
      // An integrator moves its case forward (ingest of a stored case).
      const to = rng.pick(['registered', 'dispatched', 'in_progress', 'feedback', 'closed'] as const);
      await grid.ingest([{ ...resent, status: to, statusAt: new Date(clock.t).toISOString() }]).catch(() => undefined);
      continue;
    }
    if (roll < 0.5) {
      // A sending system reports its next handling step (re-dispatch, 返工, 督办 … arrive through ingest too).
      const next = NEXT_STEPS[cur!.status];
      if (!next) continue;
      const action = rng.pick(next);
      await grid
        .ingest([
          {
            ...resent,
            steps: [
              {
                action,
                at: new Date(clock.t).toISOString(),
                ...(action === 'dispatch' ? { department: rng.pick(city.departments).id } : {}),
                ...(action === 'supervise' ? { note: '督办', dueAt: new Date(clock.t + 86_400_000).toISOString() } : {}),
              },
            ],
          },
        ])
        .then(() => stepsSent.push(action))
        .catch(() => undefined);
      continue;
    }
    const possible = actionsFor(cur!.status, 'duty').filter((a) => a !== 'reject' || rng.next() < 0.1);
    if (possible.length === 0) continue;
    const action: CaseAction = rng.pick(possible);
    const master = cases.find((o) => o.id !== c.id && o.exercise === c.exercise);
    if (action === 'merge' && !master) continue;
    await grid
      .act(c.id, action, duty, {
        version: cur!.version,
        ...(action === 'supervise' ? { note: '督办', dueAt: new Date(clock.t + 86_400_000).toISOString() } : {}),
        ...(action === 'merge' ? { masterId: master!.id } : {}),
      })
      .catch(() => undefined); // a merge into a closed master is refused: the mix goes on
  }
}

describe.each([
  ['PGlite', null],
  ['PostgreSQL', 'pg'],
] as const)('case rollups on %s', (_name, engine) => {
  let db: Db;
  let grid: GridService;
  let city: CityPack;
  let drop: (() => Promise<void>) | undefined;
  const clock = { t: Date.parse('2026-03-02T00:00:00Z') };
  beforeAll(async () => {
    const schema = engine ? await pgSchema() : null;
    drop = schema?.drop;
    db = await openDb({ databaseUrl: schema?.url, dataDir: 'memory://' });
    await migrate(db);
    city = await loadCityPack('441700');
    const locator = createLocator(city);
    grid = createGridService({
      db,
      categories: city.categoryByCode,
      departments: new Set(city.departments.map((d) => d.id)),
      locate: (p) => ({ district: locator.district(p), gridCell: locator.gridCell(p) }),
      sink: { publish: () => undefined },
      city: city.manifest,
      calendar: city.manifest.calendar,
      now: () => new Date(clock.t),
    });
  });
  afterAll(async () => {
    await db.close();
    await drop?.();
  });

  it('keeps incrementally what a rebuild from cases and timelines computes, after a random mix', async () => {
    stepsSent.length = 0;
    await randomMix(db, grid, city, clock, engine ?? 'pglite');
    // Handling steps came through ingest as well: re-dispatch, 返工 and 督办 among them.
    for (const a of ['dispatch', 'send_back', 'supervise', 'close'] as const) expect(stepsSent).toContain(a);
    const incremental = await rollupsSnapshot(db);
    const rebuilt = await db.transaction((tx) => rebuildRollups(tx, rollupContext(city.categoryByCode, city.manifest), 7));
    expect(rebuilt).toBeGreaterThan(50);
    expect(await rollupsSnapshot(db)).toEqual(incremental);
    // The first start after the upgrade fills empty rollups from the stored cases; later starts leave them.
    await db.query('delete from case_rollups');
    expect(await catchUpRollups(db, rollupContext(city.categoryByCode, city.manifest))).toBe(rebuilt);
    expect(await catchUpRollups(db, rollupContext(city.categoryByCode, city.manifest))).toBe(0);
    expect(await rollupsSnapshot(db)).toEqual(incremental);
    // The mix reached every kind of counter, so the comparison covered them all.
    const { rows } = await db.query(`select ${COUNTERS.map((k) => `sum(${k}) as ${k}`).join(', ')} from case_rollups`);
    for (const k of COUNTERS.filter((c) => c !== 'redispatched')) expect(Number(rows[0]![k]), k).toBeGreaterThan(0);
  });

  it('logs a change as one row, and folds it into the rollups exactly once; a fold that fails leaves it for the next', async () => {
    await foldAllRollups(db);
    const count = async (sql: string) => Number((await db.query(sql)).rows[0]!.n);
    const reported = () => count('select coalesce(sum(reported), 0) as n from case_rollups');
    const logged = () => count('select count(*) as n from case_rollup_log');
    const start = await reported();
    await grid.ingest([1, 2, 3].map((i) => gridEvent({ sourceId: `log-${engine ?? 'pglite'}-${i}`, reportedAt: new Date(clock.t).toISOString() }) as GridEventInput));
    expect(await logged()).toBe(1);
    expect(await reported()).toBe(start);
    const crashing = { transaction: <T>(fn: (tx: Db) => Promise<T>) => db.transaction(async (tx) => (await fn(tx as Db), Promise.reject(new Error('crash')))) };
    await expect(foldRollupLog(crashing as unknown as Db)).rejects.toThrow('crash');
    expect([await logged(), await reported()]).toEqual([1, start]);
    // The job leaves it while ingest is busy (logged within quietMs) and the row is young (maxLagMs).
    expect(await foldRollupsWhenQuiet(db, { quietMs: 3_600_000, maxLagMs: 3_600_000 })).toBe(0);
    expect(await logged()).toBe(1);
    // Two folds at once (the job and a read): one takes the row, the other finds it locked or gone.
    const folded = await Promise.all([foldRollupLog(db), foldRollupLog(db)]);
    expect(folded[0] + folded[1]).toBe(1);
    expect([await logged(), await reported()]).toEqual([0, start + 3]);
    // Once ingest is quiet, the job folds what was logged.
    await grid.ingest([gridEvent({ sourceId: `log-${engine ?? 'pglite'}-4`, reportedAt: new Date(clock.t).toISOString() }) as GridEventInput]);
    expect(await foldRollupsWhenQuiet(db, { quietMs: 0, maxLagMs: 3_600_000 })).toBe(1);
    expect([await logged(), await reported()]).toEqual([0, start + 4]);
    // A read that finds the log empty folds without opening a transaction.
    let transactions = 0;
    const counting = { query: db.query.bind(db), transaction: (...args: Parameters<Db['transaction']>) => (transactions++, db.transaction(...args)) };
    expect(await foldAllRollups(counting as unknown as Db)).toBe(0);
    expect(transactions).toBe(0);
  });
});
