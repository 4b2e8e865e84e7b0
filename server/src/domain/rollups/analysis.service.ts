import { cellArea, cellToChildren, cellToParent, getResolution } from 'h3-js';
import type { Queryable } from '../../store/db.js';
import type { CityManifest, Department } from '../../../../shared/schemas/city-pack.js';
import type { EvaluationAnswer, EvaluationGroup, HeatmapAnswer, HeatmapCell, HeatmapMetric, HeatmapResolution, HeatmapTrendAnswer } from '../../../../shared/contracts/evaluation.js';
import {
  addCounters,
  DEFAULT_EVALUATION_WEIGHTS,
  emptyCounters,
  HEATMAP_COUNTERS,
  indicatorsOf,
  isEmpty,
  metricOf,
  ranks,
  scores,
  type Counter,
  type Counters,
} from '../../../../shared/domain/indicators.js';
import { sumRollups, type RollupFilter } from './rollups.queries.js';
import { comparePeriods, dayRange, daysBetween } from './periods.js';

/** What every analysis request names: whose districts, which period, which data. */
export interface AnalysisScope {
  /** null = the whole city (already narrowed to the user's districts). */
  districts: string[] | null;
  from: Date;
  to: Date;
  category?: string;
  exercise: boolean;
}

export interface AnalysisDeps {
  db: Queryable;
  city: Pick<CityManifest, 'districts' | 'gridResolution' | 'evaluationWeights'>;
  departments: readonly Department[];
  utcOffsetMinutes: number;
}

/** The heatmap and the evaluation (综合评价), read from the case rollups. */
export function createAnalysis(deps: AnalysisDeps) {
  const filterOf = (s: AnalysisScope, from: Date, to: Date): RollupFilter => ({
    ...dayRange(from, to, deps.utcOffsetMinutes),
    exercise: s.exercise,
    districts: s.districts,
    ...(s.category ? { category: s.category } : {}),
  });

  /** The scope's sums per group over the period, 环比 and 同比 (read one after another: PGlite has one connection). */
  async function threePeriods(s: AnalysisScope, by: 'cell' | 'district' | 'department' | 'source', counters?: readonly Counter[]) {
    const p = comparePeriods(s.from, s.to);
    const current = await sumRollups(deps.db, filterOf(s, p.from, p.to), by, counters);
    const previous = await sumRollups(deps.db, filterOf(s, p.previousFrom, p.previousTo), by, counters);
    const lastYear = await sumRollups(deps.db, filterOf(s, p.lastYearFrom, p.lastYearTo), by, counters);
    return { p, current, previous, lastYear };
  }

  /** Sums of unit-grid cells merged into their parents at `resolution`. */
  function toResolution(sums: Map<string, Counters>, resolution: number): Map<string, Counters> {
    const out = new Map<string, Counters>();
    for (const [cell, c] of sums) {
      if (!cell) continue; // a case outside every cell of the pack
      const parent = getResolution(cell) > resolution ? cellToParent(cell, resolution) : cell;
      out.set(parent, addCounters(out.get(parent) ?? emptyCounters(), c));
    }
    return out;
  }

  return {
    async heatmap(s: AnalysisScope, metric: HeatmapMetric, resolution: HeatmapResolution): Promise<HeatmapAnswer> {
      const { p, current, previous, lastYear } = await threePeriods(s, 'cell', HEATMAP_COUNTERS[metric]);
      const [now, before, yearAgo] = [current, previous, lastYear].map((m) => toResolution(m, resolution)) as [Map<string, Counters>, Map<string, Counters>, Map<string, Counters>];
      const cells: HeatmapCell[] = [];
      for (const cell of new Set([...now.keys(), ...before.keys()])) {
        const area = cellArea(cell, 'km2');
        const value = (m: Map<string, Counters>) => metricOf(metric, m.get(cell) ?? emptyCounters(), area);
        cells.push({ cell, value: value(now), previous: value(before), lastYear: yearAgo.has(cell) ? value(yearAgo) : null, count: now.get(cell)?.reported ?? 0 });
      }
      return {
        metric,
        from: p.from.toISOString(),
        to: p.to.toISOString(),
        previousFrom: p.previousFrom.toISOString(),
        previousTo: p.previousTo.toISOString(),
        lastYearFrom: p.lastYearFrom.toISOString(),
        lastYearTo: p.lastYearTo.toISOString(),
        resolution,
        cells,
      };
    },

    /** A cell's metric per local day; a coarser cell sums its unit-grid children. */
    async trend(s: AnalysisScope, cell: string, metric: HeatmapMetric): Promise<HeatmapTrendAnswer> {
      const res = getResolution(cell);
      const cells = res < deps.city.gridResolution ? cellToChildren(cell, deps.city.gridResolution) : [cell];
      const range = dayRange(s.from, s.to, deps.utcOffsetMinutes);
      const byDay = await sumRollups(deps.db, { ...filterOf(s, s.from, s.to), cells }, 'day', HEATMAP_COUNTERS[metric]);
      const area = cellArea(cell, 'km2');
      return { points: daysBetween(range.fromDay, range.toDay).map((day) => ({ day, value: metricOf(metric, byDay.get(day) ?? emptyCounters(), area) })) };
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
      return { from: p.from.toISOString(), to: p.to.toISOString(), by, weights, rows };
    },
  };
}

export type Analysis = ReturnType<typeof createAnalysis>;
