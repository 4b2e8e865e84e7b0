/**
 * A bulk case fixture for the benches: `count` realistic cases of a city (default 441700)
 * with their timelines, reported over the last `days` (400, so a year-on-year 同比 has
 * data), loaded straight into the tables — and the case rollups filled exactly as
 * `npm run rollups:rebuild` fills them. The same options give the same cases.
 *
 * How it is fast (1,000,000 cases in minutes): the secondary indexes of `cases` and
 * `case_timeline` are dropped for the load and built once at the end, foreign keys are not
 * checked row by row (`session_replication_role = replica`: the fixture's timelines point at
 * cases of the same batch), each batch of cases is one transaction written by COPY on PGlite
 * and by one multi-row insert per table on PostgreSQL (the repositories' own `insertCases` and
 * `appendTimeline`), the next batch is drawn while the database writes the last, and the
 * rollups are summed in memory from each generated case with the rebuild's own contribution
 * (`addCase`) and written with its own upsert (`applyDeltas`), without reading the cases back,
 * then put in day order on disk, as a server that kept them day by day has them.
 *
 *   const db = await openDb({ dataDir: '/tmp/x' });
 *   await migrate(db);
 *   await loadCaseFixture(db, { count: 1_000_000, seed: 1, now: new Date() });
 */
import { loadCityPack } from '../../server/src/city/city-pack.js';
import { insertCases } from '../../server/src/domain/grid/cases.repository.js';
import { appendTimeline } from '../../server/src/domain/grid/case-timeline.repository.js';
import { addCase, timelineOrder, type Deltas, type RollupContext } from '../../server/src/domain/rollups/case-contribution.js';
import { applyDeltas } from '../../server/src/domain/rollups/rollups.repository.js';
import { rollupContext } from '../../server/src/domain/rollups/rollup-context.js';
import type { Db, Queryable } from '../../server/src/store/db.js';
import { migrate } from '../../server/src/store/migrate.js';
import { loadSimCity } from '../../mock-data/simulator/city.js';
import { DAY } from '../../mock-data/simulator/time.js';
import { fixtureCase, type FixtureCase, type FixtureSpec } from './case-fixture-gen.js';

export { FIXTURE_SHARES } from './case-fixture-gen.js';

export interface CaseFixtureOptions {
  /** Cases to load. */
  count: number;
  /** Same seed, same cases; fixtures of different seeds never share a source id (1). */
  seed?: number;
  /** End of the window: no report or step lies after it (the current time). */
  now?: Date;
  /** Days before `now` the reports are spread over (400). */
  days?: number;
  /** The city pack (441700). */
  city?: string;
  /** Cases per transaction (10,000). */
  batchSize?: number;
  /** Rollup rows summed in memory before they are written (300,000, ≈ 150 MB). */
  rollupFlushRows?: number;
  /** Called after each batch with the cases loaded so far. */
  onProgress?: (loaded: number) => void;
}

export interface CaseFixtureResult {
  cases: number;
  timelineRows: number;
  rollupRows: number;
  /** The window the reports fall in, ISO. */
  from: string;
  to: string;
  /** Wall time of generating and loading, ms, and of it the index builds and the rollups' writes. */
  ms: number;
  indexMs: number;
  rollupMs: number;
}

/** Rollup rows per upsert statement. */
const ROLLUP_CHUNK = 25_000;
/** The tables whose secondary indexes the load drops and rebuilds. */
const LOADED_TABLES = ['cases', 'case_timeline'];

/** Adds each case's contribution to the rollups, exactly as the rebuild counts it. */
function addContributions(deltas: Deltas, batch: FixtureCase[], ctx: RollupContext): void {
  for (const c of batch) {
    const steps = timelineOrder(c.timeline.map((t) => ({ at: t.at, status: t.status, action: t.action ?? null })));
    addCase(deltas, c.record, steps, ctx, 1);
  }
}

/** Writes summed rollup rows (adding to what is stored), a chunk per statement, in one transaction. */
async function flushRollups(db: Db, deltas: Deltas): Promise<void> {
  const entries = [...deltas];
  deltas.clear();
  await db.transaction(
    async (tx) => {
      for (let i = 0; i < entries.length; i += ROLLUP_CHUNK) await applyDeltas(tx, new Map(entries.slice(i, i + ROLLUP_CHUNK)));
    },
    { untimed: true },
  );
}

async function writeBatch(tx: Queryable, batch: FixtureCase[]): Promise<void> {
  await tx.query('set local session_replication_role = replica'); // no per-row foreign-key checks
  const present = await insertCases(
    tx,
    batch.map((c) => c.record),
  );
  if (present.size > 0) throw new Error(`case fixture: ${present.size} cases of this seed are already stored (load each seed once)`);
  await appendTimeline(
    tx,
    batch.flatMap((c) => c.timeline),
  );
}

/** Runs `load` with the secondary indexes of `tables` dropped, then builds them again (also when it fails). */
async function withoutSecondaryIndexes<T>(db: Db, tables: string[], load: () => Promise<T>): Promise<{ out: T; indexMs: number }> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`,
    [tables],
  );
  for (const r of rows) await db.exec(`drop index ${r.indexname}`);
  const build = () =>
    db.transaction(
      async (tx) => {
        for (const r of rows) await tx.query(r.indexdef);
      },
      { untimed: true },
    );
  let out: T;
  try {
    out = await load();
  } catch (err) {
    await build();
    throw err;
  }
  const started = performance.now();
  await build();
  return { out, indexMs: performance.now() - started };
}

/** Generates and loads the fixture and its rollups; each batch of cases is one transaction. */
export async function loadCaseFixture(db: Db, opts: CaseFixtureOptions): Promise<CaseFixtureResult> {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError(`case fixture: count must be a whole number ≥ 0, got ${opts.count}`);
  const started = performance.now();
  const adcode = opts.city ?? '441700';
  const [city, pack] = await Promise.all([loadSimCity(adcode), loadCityPack(adcode)]);
  const ctx = rollupContext(pack.categoryByCode, pack.manifest);
  const now = (opts.now ?? new Date()).getTime();
  const spec: FixtureSpec = { city, gridResolution: pack.manifest.gridResolution, seed: opts.seed ?? 1, now, days: opts.days ?? 400 };
  const size = opts.batchSize ?? 10_000;
  const make = (from: number): FixtureCase[] => {
    const out: FixtureCase[] = [];
    for (let i = from; i < Math.min(opts.count, from + size); i++) out.push(fixtureCase(spec, i));
    return out;
  };
  const deltas: Deltas = new Map();
  let timelineRows = 0;
  let rollupMs = 0;
  const flush = async () => {
    const t = performance.now();
    await flushRollups(db, deltas);
    rollupMs += performance.now() - t;
  };
  const { indexMs } = await withoutSecondaryIndexes(db, LOADED_TABLES, async () => {
    let next = make(0);
    for (let from = 0; from < opts.count; from += size) {
      const batch = next;
      timelineRows += batch.reduce((n, c) => n + c.timeline.length, 0);
      // The database writes this batch on its own thread or process while the next one is drawn.
      const written = db.transaction((tx) => writeBatch(tx, batch), { untimed: true });
      written.catch(() => undefined); // it may fail before it is awaited below, which rethrows
      await new Promise((resolve) => setImmediate(resolve)); // lets the batch be posted first
      addContributions(deltas, batch, ctx);
      next = from + size < opts.count ? make(from + size) : [];
      await written;
      if (deltas.size >= (opts.rollupFlushRows ?? 300_000)) await flush();
      opts.onProgress?.(Math.min(opts.count, from + size));
    }
    await flush();
  });
  // A live server adds each day's rollup rows on that day, so a period's rows lie together
  // on disk; the fixture wrote them in random day order, and puts them in key order instead.
  await db.exec('cluster case_rollups using case_rollups_pkey');
  await db.exec('analyze cases; analyze case_timeline; analyze case_rollups');
  const { rows } = await db.query<{ n: string }>('select count(*) as n from case_rollups');
  return {
    cases: opts.count,
    timelineRows,
    rollupRows: Number(rows[0]!.n),
    from: new Date(now - spec.days * DAY).toISOString(),
    to: new Date(now).toISOString(),
    ms: Math.round(performance.now() - started),
    indexMs: Math.round(indexMs),
    rollupMs: Math.round(rollupMs),
  };
}

/**
 * Migrates `db` and loads the fixture (seed 1, ending now) unless `db` already holds it, so a
 * kept data folder or schema serves later runs; returns the fixture's end and load time.
 */
export async function ensureCaseFixture(db: Db, cases: number, log: (msg: string) => void): Promise<{ to: Date; loadS: number | null; rollupRows: number; timelineRows: number | null }> {
  await migrate(db);
  const { rows } = await db.query<{ n: string; last: Date | null; rollups: string }>(
    'select (select count(*) from cases) as n, (select max(reported_at) from cases) as last, (select count(*) from case_rollups) as rollups',
  );
  const stored = Number(rows[0]!.n);
  if (stored === cases && rows[0]!.last) {
    log(`  reusing the stored fixture: ${stored.toLocaleString('en-US')} cases, ${Number(rows[0]!.rollups).toLocaleString('en-US')} rollup rows`);
    return { to: new Date(rows[0]!.last), loadS: null, rollupRows: Number(rows[0]!.rollups), timelineRows: null };
  }
  if (stored !== 0) throw new Error(`case fixture: the database holds ${stored} cases, not 0 or ${cases}: give an empty data folder or schema`);
  log(`  loading ${cases.toLocaleString('en-US')} cases in bulk …`);
  const fixture = await loadCaseFixture(db, {
    count: cases,
    onProgress: (n) => n % 100_000 === 0 && log(`    ${n.toLocaleString('en-US')}`),
  });
  log(
    `  fixture: ${fixture.cases.toLocaleString('en-US')} cases, ${fixture.timelineRows.toLocaleString('en-US')} timeline rows, ${fixture.rollupRows.toLocaleString('en-US')} rollup rows in ${Math.round(fixture.ms / 1000)} s (indexes ${Math.round(fixture.indexMs / 1000)} s, rollups ${Math.round(fixture.rollupMs / 1000)} s)`,
  );
  return { to: new Date(fixture.to), loadS: Math.round(fixture.ms / 1000), rollupRows: fixture.rollupRows, timelineRows: fixture.timelineRows };
}
