import { cellArea, cellToChildren, cellToParent, getResolution } from 'h3-js';
import type { Db } from '../../store/db.js';
import type { CityManifest, Department } from '../../../../shared/schemas/city-pack.js';
import type { ComparedSpans, EvaluationAnswer, EvaluationGroup, HeatmapAnswer, HeatmapCell, HeatmapMetric, HeatmapResolution, HeatmapTrendAnswer } from '../../../../shared/contracts/evaluation.js';
import { DEFAULT_EVALUATION_WEIGHTS, emptyCounters, HEATMAP_COUNTERS, indicatorsOf, isEmpty, metricOf, ranks, scores, type Counter, type Counters } from '../../../../shared/domain/indicators.js';
import type { CalendarKind } from '../../../../shared/domain/calendar-period.js';
import { pendingDeadlines, sumRollups } from './rollups.queries.js';
import { foldAllRollups } from './rollups.repository.js';
import { comparePeriods, dayRange, daysBetween, type ComparedPeriod } from './periods.js';

/** What every analysis request names: whose districts, which period, which data. */
export interface AnalysisScope {
  /** null = the whole city (already narrowed to the user's districts). */
  districts: string[] | null;
  from: Date;
  to: Date;
  category?: string;
  exercise: boolean;
  /** Set when `from` starts a calendar period (a day, month, quarter or year): 环比 is then the previous one. */
  basis?: CalendarKind;
  /** The time of the request: a deadline after it has not passed yet. */
  now: Date;
}

export interface AnalysisDeps {
  /** Read from, after folding the rollup log's pending changes in (so an answer counts every committed change). */
  db: Db;
  city: Pick<CityManifest, 'districts' | 'gridResolution' | 'evaluationWeights'>;
  departments: readonly Department[];
  utcOffsetMinutes: number;
}

/** A period and the two it is compared with, as an answer states them (ISO 8601 UTC, `to` exclusive). */
function spans(p: ComparedPeriod): ComparedSpans {
  const iso = (d: Date) => d.toISOString();
  return { from: iso(p.from), to: iso(p.to), previousFrom: iso(p.previousFrom), previousTo: iso(p.previousTo), lastYearFrom: iso(p.lastYearFrom), lastYearTo: iso(p.lastYearTo) };
}

/** The heatmap and the evaluation (综合评价), read from the case rollups. */
export function createAnalysis(deps: AnalysisDeps) {
  const scopeOf = (s: AnalysisScope) => ({ exercise: s.exercise, districts: s.districts, ...(s.category ? { category: s.category } : {}) });
  const days = (from: Date, to: Date) => dayRange(from, to, deps.utcOffsetMinutes);
  const midnight = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - deps.utcOffsetMinutes * 60_000);

  /**
   * The scope's sums per group over the period, 环比 and 同比, in one statement, with the log's
   * pending changes folded in first; `resolution` merges unit-grid cells into their parents.
   */
  async function threePeriods(s: AnalysisScope, by: 'cell' | 'district' | 'department' | 'source', counters?: readonly Counter[], resolution?: number) {
    await foldAllRollups(deps.db);
    const p = comparePeriods(s.from, s.to, s.basis ? { kind: s.basis, utcOffsetMinutes: deps.utcOffsetMinutes } : undefined);
    const spans = [days(p.from, p.to), days(p.previousFrom, p.previousTo), days(p.lastYearFrom, p.lastYearTo)];
    const [current, previous, lastYear] = (await sumRollups(deps.db, scopeOf(s), spans, by, counters, { resolution, unitResolution: deps.city.gridResolution })) as [
      Map<string, Counters>,
      Map<string, Counters>,
      Map<string, Counters>,
    ];
    return { p, current, previous, lastYear };
  }

  /**
   * For the overdue metric, the unit-grid cells' cases whose deadline is on the period's last
   * day but still ahead (see `overdueOf`); nothing when that day is over.
   */
  async function notYetDue(s: AnalysisScope, metric: HeatmapMetric, cells?: readonly string[]): Promise<Map<string, number>> {
    const { fromDay, toDay } = dayRange(s.from, s.to, deps.utcOffsetMinutes);
    const dayEnd = new Date(midnight(toDay).getTime() + 86_400_000);
    if (metric !== 'overdue' || s.now >= dayEnd) return new Map();
    const since = new Date(Math.max(s.now.getTime(), midnight(fromDay).getTime()));
    return pendingDeadlines(deps.db, cells ? { ...scopeOf(s), cells } : scopeOf(s), since, dayEnd);
  }

  /** Counts per unit-grid cell merged into their parents at `resolution`. */
  function toResolution(counts: Map<string, number>, resolution: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [cell, n] of counts) {
      if (!cell) continue; // a case outside every cell of the pack
      const parent = getResolution(cell) > resolution ? cellToParent(cell, resolution) : cell;
      out.set(parent, (out.get(parent) ?? 0) + n);
    }
    return out;
  }

  return {
    /** The city's offset from UTC, in which calendar periods are read. */
    utcOffsetMinutes: deps.utcOffsetMinutes,

    async heatmap(s: AnalysisScope, metric: HeatmapMetric, resolution: HeatmapResolution): Promise<HeatmapAnswer> {
      const { p, current: now, previous: before, lastYear: yearAgo } = await threePeriods(s, 'cell', HEATMAP_COUNTERS[metric], resolution);
      const ahead = toResolution(await notYetDue(s, metric), resolution);
      const cells: HeatmapCell[] = [];
      for (const cell of new Set([...now.keys(), ...before.keys()])) {
        if (!cell) continue; // cases outside every cell of the pack
        const area = cellArea(cell, 'km2');
        const value = (m: Map<string, Counters>, pending = 0) => metricOf(metric, m.get(cell) ?? emptyCounters(), area, pending);
        cells.push({ cell, value: value(now, ahead.get(cell)), previous: value(before), lastYear: yearAgo.has(cell) ? value(yearAgo) : null, count: now.get(cell)?.reported ?? 0 });
      }
      return { metric, ...spans(p), resolution, cells };
    },

    /** A cell's metric per local day; a coarser cell sums its unit-grid children. */
    async trend(s: AnalysisScope, cell: string, metric: HeatmapMetric): Promise<HeatmapTrendAnswer> {
      const res = getResolution(cell);
      const cells = res < deps.city.gridResolution ? cellToChildren(cell, deps.city.gridResolution) : [cell];
      const range = dayRange(s.from, s.to, deps.utcOffsetMinutes);
      await foldAllRollups(deps.db);
      const [byDay] = (await sumRollups(deps.db, { ...scopeOf(s), cells }, [range], 'day', HEATMAP_COUNTERS[metric])) as [Map<string, Counters>];
      const area = cellArea(cell, 'km2');
      // The period is read until now, so deadlines still ahead lie on its last day.
      const ahead = [...(await notYetDue(s, metric, cells)).values()].reduce((a, b) => a + b, 0);
      return {
        points: daysBetween(range.fromDay, range.toDay).map((day) => ({ day, value: metricOf(metric, byDay.get(day) ?? emptyCounters(), area, day === range.toDay ? ahead : 0) })),
      };
    },

    async evaluation(s: AnalysisScope, by: EvaluationGroup): Promise<EvaluationAnswer> {
      const { p, current, previous, lastYear } = await threePeriods(s, by);
      const names = new Map<string, string>([...deps.city.districts.map((d) => [d.adcode, d.name] as const), ...deps.departments.map((d) => [d.id, d.name] as const)]);
      const weights = deps.city.evaluationWeights ?? DEFAULT_EVALUATION_WEIGHTS;
      const keys = [...current.keys()];
      const indicators = keys.map((k) => indicatorsOf(current.get(k)!));
      const scoreList = scores(indicators, weights);
      const rankList = ranks(scoreList);
      const other = (m: Map<string, Counters>, k: string) => {
        const c = m.get(k);
        return c && !isEmpty(c) ? indicatorsOf(c) : null;
      };
      const rows = keys.map((key, i) => ({
        key,
        name: (by === 'department' || by === 'district' ? names.get(key) : undefined) ?? key,
        indicators: indicators[i]!,
        score: scoreList[i]!,
        rank: rankList[i]!,
        previous: other(previous, key),
        lastYear: other(lastYear, key),
      }));
      rows.sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
      return { ...spans(p), by, weights, rows };
    },
  };
}

export type Analysis = ReturnType<typeof createAnalysis>;
