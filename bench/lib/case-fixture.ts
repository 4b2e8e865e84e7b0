/**
 * A bulk case fixture for the benches: `count` realistic cases of a city (default 441700)
 * with their timelines, reported over the last `days` (400, so a year-on-year 同比 has
 * data), loaded straight into the tables in big batches — COPY on PGlite, one multi-row
 * insert per batch on PostgreSQL (cases.repository's `insertCases`). Derived tables (the
 * rollups) are the caller's to rebuild afterwards. The same options give the same cases.
 *
 *   const db = await openDb({ dataDir: '/tmp/x' });
 *   await migrate(db);
 *   await loadCaseFixture(db, { count: 1_000_000, seed: 1, now: new Date() });
 */
import { loadCityPack } from '../../server/src/city/city-pack.js';
import { insertCases } from '../../server/src/domain/grid/cases.repository.js';
import type { Db, Queryable } from '../../server/src/store/db.js';
import type { TimelineRow } from '../../server/src/domain/grid/case-timeline.repository.js';
import { appendTimeline } from '../../server/src/domain/grid/case-timeline.repository.js';
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
  /** Called after each batch with the cases loaded so far. */
  onProgress?: (loaded: number) => void;
}

export interface CaseFixtureResult {
  cases: number;
  timelineRows: number;
  /** The window the reports fall in, ISO. */
  from: string;
  to: string;
  /** Wall time of generating and loading, ms. */
  ms: number;
}

/** CSV of timeline rows for COPY: unquoted empty is NULL, text is always quoted. */
function timelineCsv(rows: TimelineRow[]): string {
  const q = (v: string | undefined) => (v === undefined ? '' : `"${v.replaceAll('"', '""')}"`);
  let csv = '';
  for (const r of rows) csv += `${r.caseId},${r.at},${q(r.status)},${q(r.actor)},${q(r.note)},${q(r.action)},${q(r.department)}\n`;
  return csv;
}

async function writeBatch(tx: Queryable, batch: FixtureCase[]): Promise<void> {
  const timeline = batch.flatMap((c) => c.timeline);
  const stored = insertCases(
    tx,
    batch.map((c) => c.record),
  );
  // The timeline goes in after its cases (foreign key); on PGlite as CSV, which it parses fastest.
  const steps = tx.copyCsv ? tx.copyCsv('case_timeline (case_id, at, status, actor, note, action, department)', timelineCsv(timeline)) : appendTimeline(tx, timeline);
  const [present] = await Promise.all([stored, steps]);
  if (present.size > 0) throw new Error(`case fixture: ${present.size} cases of this seed are already stored (load each seed once)`);
}

/** Generates and loads the fixture; each batch is one transaction. */
export async function loadCaseFixture(db: Db, opts: CaseFixtureOptions): Promise<CaseFixtureResult> {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError(`case fixture: count must be a whole number ≥ 0, got ${opts.count}`);
  const started = performance.now();
  const adcode = opts.city ?? '441700';
  const [city, pack] = await Promise.all([loadSimCity(adcode), loadCityPack(adcode)]);
  const now = (opts.now ?? new Date()).getTime();
  const spec: FixtureSpec = { city, gridResolution: pack.manifest.gridResolution, seed: opts.seed ?? 1, now, days: opts.days ?? 400 };
  const size = opts.batchSize ?? 10_000;
  const make = (from: number): FixtureCase[] => {
    const out: FixtureCase[] = [];
    for (let i = from; i < Math.min(opts.count, from + size); i++) out.push(fixtureCase(spec, i));
    return out;
  };
  let timelineRows = 0;
  let next = make(0);
  for (let from = 0; from < opts.count; from += size) {
    const batch = next;
    timelineRows += batch.reduce((n, c) => n + c.timeline.length, 0);
    // The database writes this batch on its own thread or process while the next one is drawn.
    const written = db.transaction((tx) => writeBatch(tx, batch), { untimed: true });
    await new Promise((resolve) => setImmediate(resolve)); // lets the batch be posted first
    next = from + size < opts.count ? make(from + size) : [];
    await written;
    opts.onProgress?.(Math.min(opts.count, from + size));
  }
  await db.exec('analyze cases; analyze case_timeline');
  return { cases: opts.count, timelineRows, from: new Date(now - spec.days * DAY).toISOString(), to: new Date(now).toISOString(), ms: Math.round(performance.now() - started) };
}
