import type { Db } from '../../store/db.js';
import { AppError, type ErrorIssue } from '../../errors.js';
import type { Indicator, IndicatorInput } from '../../../../shared/schemas/indicator.js';
import { INDICATORS, deriveIndicator, nextPeriod, previousPeriod, samePeriodLastYear, samePeriodNextYear } from '../../../../shared/domain/economy.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import * as repo from './indicators.repository.js';
import type { IndicatorRow, StoredIndicatorRow } from './indicators.repository.js';

/** Adds target tracking, which is derived on read (it depends on nothing stored but the row). */
export function withTracking(r: IndicatorRow): Indicator {
  const d = deriveIndicator({ ...r, annualTarget: r.annualTarget });
  return { ...r, completion: d.completion, onPace: d.onPace };
}

type Key = { code: string; region: string; period: string };
const keyOf = (k: Key) => `${k.code}|${k.region}|${k.period}`;
const at = (k: Key, period: string): Key => ({ code: k.code, region: k.region, period });
/** The periods whose growth rests on `k`: its 同比 successor and its 环比 successor. */
const dependents = (k: Key): Key[] => [at(k, samePeriodNextYear(k.period)), at(k, nextPeriod(k.period))];
/** The periods `k`'s growth rests on. */
const references = (k: Key): Key[] => [at(k, samePeriodLastYear(k.period)), at(k, previousPeriod(k.period))];

/** A row as its source sent it, before any growth is derived. */
function fromInput(i: IndicatorInput, exercise: boolean, updatedAt: string): StoredIndicatorRow {
  return {
    id: `${i.code}:${i.region}:${i.period}${exercise ? ':exercise' : ''}`,
    code: i.code,
    region: i.region,
    period: i.period,
    value: i.value ?? null,
    cumulative: i.cumulative ?? null,
    yoy: null,
    cumulativeYoy: null,
    mom: null,
    unit: i.unit ?? INDICATORS[i.code].unit,
    annualTarget: i.annualTarget ?? null,
    exercise,
    updatedAt,
    given: { yoy: i.yoy ?? null, cumulativeYoy: i.cumulativeYoy ?? null, mom: i.mom ?? null },
  };
}

/** `row` with its growth derived afresh from the reference rows in `rows` (given rates win). */
function rederive(row: StoredIndicatorRow, rows: Map<string, StoredIndicatorRow>): StoredIndicatorRow {
  const [lastYear, previous] = references(row).map((k) => rows.get(keyOf(k)));
  const d = deriveIndicator({ ...row, ...row.given }, { lastYear, previous });
  return { ...row, yoy: d.yoy, cumulativeYoy: d.cumulativeYoy, mom: d.mom };
}

/**
 * Economic indicators in: growth derived where the source left it out, and kept current when
 * data comes late. A period that arrives or is revised after the periods resting on it (same
 * period next year, next period) recomputes their derived growth too; every row that changes
 * is stored and pushed on `economy`. Regions must be the city or one of its districts.
 */
export function createIndicatorService(deps: { db: Db; sink: ChangeSink; regions: ReadonlySet<string>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  function check(items: IndicatorInput[]): void {
    const issues: ErrorIssue[] = [];
    items.forEach((i, n) => {
      if (!deps.regions.has(i.region)) issues.push({ path: `${n}.region`, message: `region ${i.region} is neither the city nor one of its districts` });
    });
    if (issues.length) throw new AppError(422, 'validation_failed', `Invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  return {
    async ingest(items: IndicatorInput[]): Promise<IngestResult> {
      check(items);
      const changed = await deps.db.transaction(async (tx) => {
        const changedRows: IndicatorRow[] = [];
        // Real and drill rows are separate partitions: neither is ever the other's reference.
        for (const exercise of [false, true]) {
          const updatedAt = now().toISOString();
          // A batch may name the same row twice; the last one is the one meant.
          const incoming = new Map(items.filter((i) => (i.exercise ?? false) === exercise).map((i) => [keyOf(i), fromInput(i, exercise, updatedAt)]));
          if (!incoming.size) continue;
          const targets = new Map([...incoming.values()].flatMap((k) => [k, ...dependents(k)]).map((k) => [keyOf(k), k]));
          const lookups = [...targets.values()].flatMap((k) => [k, ...references(k)]);
          const rows = new Map((await repo.findMany(tx, lookups, exercise)).map((r) => [keyOf(r), r]));
          for (const [key, row] of incoming) rows.set(key, row);
          const recomputed = [...targets.keys()].flatMap((key) => (rows.has(key) ? [rederive(rows.get(key)!, rows)] : []));
          changedRows.push(...(await repo.upsert(tx, recomputed)));
        }
        return changedRows;
      });
      if (changed.length) deps.sink.publish('economy', changed.map(withTracking));
      return { accepted: items.length, ids: items.map((i) => `${i.code}:${i.region}:${i.period}${i.exercise ? ':exercise' : ''}`) };
    },

    async list(f: Parameters<typeof repo.list>[1]): Promise<Indicator[]> {
      return (await repo.list(deps.db, f)).map(withTracking);
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
