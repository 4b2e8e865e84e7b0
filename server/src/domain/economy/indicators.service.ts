import type { Db } from '../../store/db.js';
import type { Indicator, IndicatorInput } from '../../../../shared/schemas/indicator.js';
import { INDICATORS, deriveIndicator, previousPeriod, samePeriodLastYear } from '../../../../shared/domain/economy.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import * as repo from './indicators.repository.js';
import type { IndicatorRow } from './indicators.repository.js';

/** Adds target tracking, which is derived on read (it depends on nothing stored but the row). */
export function withTracking(r: IndicatorRow): Indicator {
  const d = deriveIndicator({ ...r, annualTarget: r.annualTarget });
  return { ...r, completion: d.completion, onPace: d.onPace };
}

const keyOf = (k: { code: string; region: string; period: string }) => `${k.code}|${k.region}|${k.period}`;

/** Economic indicators in: growth derived where the source left it out, revisions kept current. */
export function createIndicatorService(deps: { db: Db; sink: ChangeSink }) {
  return {
    async ingest(items: IndicatorInput[]): Promise<IngestResult> {
      const changed = await deps.db.transaction(async (tx) => {
        const changedRows: IndicatorRow[] = [];
        // One indicator at a time per exercise flag, so rows of the same batch can be each other's references.
        for (const exercise of [false, true]) {
          const mine = items.filter((i) => (i.exercise ?? false) === exercise);
          if (!mine.length) continue;
          const refs = mine.flatMap((i) => [
            { code: i.code, region: i.region, period: samePeriodLastYear(i.period) },
            { code: i.code, region: i.region, period: previousPeriod(i.period) },
          ]);
          const known = new Map((await repo.findMany(tx, refs, exercise)).map((r) => [keyOf(r), r]));
          const sorted = [...mine].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
          const rows: (IndicatorRow & { exercise: boolean })[] = [];
          for (const i of sorted) {
            const lastYear = known.get(keyOf({ ...i, period: samePeriodLastYear(i.period) }));
            const previous = known.get(keyOf({ ...i, period: previousPeriod(i.period) }));
            const d = deriveIndicator({ ...i }, { lastYear, previous });
            const row = {
              id: `${i.code}:${i.region}:${i.period}${exercise ? ':exercise' : ''}`, code: i.code, region: i.region, period: i.period,
              value: i.value ?? null, cumulative: i.cumulative ?? null, yoy: d.yoy, cumulativeYoy: d.cumulativeYoy, mom: d.mom,
              unit: i.unit ?? INDICATORS[i.code].unit, annualTarget: i.annualTarget ?? null, updatedAt: new Date().toISOString(), exercise,
            };
            known.set(keyOf(row), row);
            rows.push(row);
          }
          changedRows.push(...(await repo.upsert(tx, dedupeLast(rows))));
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

/** A batch may name the same row twice; the last one is the one meant. */
function dedupeLast<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
