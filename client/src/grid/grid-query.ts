import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { EVALUATION_GROUPS, HEATMAP_METRICS, type EvaluationGroup, type HeatmapMetric } from '../../../shared/contracts/evaluation.js';
import { dayStart, periodSpan, WINDOWS, type HeatWindow } from './period.js';

/** The workspace's tabs. */
export const GRID_TABS = ['heatmap', 'evaluation'] as const;
export type GridTab = (typeof GRID_TABS)[number];

/** The evaluation's period kinds. */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * Everything `/grid` shows, as its address carries it, so a reload, back and forward and a
 * shared link restore the page: the tab; the heatmap's metric, window, category, district and
 * chosen cell; the open case; the evaluation's period and grouping; real or drill data.
 */
export interface GridState {
  tab: GridTab;
  metric: HeatmapMetric;
  window: HeatWindow;
  /** `YYYY-MM` for the `month` window; null: this month. */
  month: string | null;
  /** `YYYY-MM-DD` days (inclusive) of the `custom` window. */
  from: string | null;
  to: string | null;
  category: string | null;
  /** One district adcode, or null: all the user's districts. */
  district: string | null;
  cell: string | null;
  case: string | null;
  /** `YYYY-MM`, `YYYY-Qn`, `YYYY` or `custom`; null: this month. */
  period: string | null;
  /** `YYYY-MM-DD` days (inclusive) of a custom evaluation period. */
  periodFrom: string | null;
  periodTo: string | null;
  by: EvaluationGroup;
  /** Drill (exercise) data instead of real data, as on the desk and the wall (`?drill=1`). */
  drill: boolean;
}

export const GRID_DEFAULTS: GridState = {
  tab: 'heatmap',
  metric: 'count',
  window: '7d',
  month: null,
  from: null,
  to: null,
  category: null,
  district: null,
  cell: null,
  case: null,
  period: null,
  periodFrom: null,
  periodTo: null,
  by: 'department',
  drill: false,
};

/** The address key of each field (short, stable names a person may type). */
const KEYS: Record<keyof GridState, string> = {
  tab: 'tab',
  metric: 'metric',
  window: 'window',
  month: 'month',
  from: 'from',
  to: 'to',
  category: 'category',
  district: 'district',
  cell: 'cell',
  case: 'case',
  period: 'period',
  periodFrom: 'pfrom',
  periodTo: 'pto',
  by: 'by',
  drill: 'drill',
};

const H3_RE = /^[0-9a-f]{15}$/;
const ADCODE_RE = /^\d{6}$/;
const CODE_RE = /^[\w-]{1,64}$/;

const one = (v: LocationQuery[string] | undefined): string | null => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s ? s : null;
};
const pick = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T => ((allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback);
const valid = (v: string | null, ok: (s: string) => boolean): string | null => (v !== null && ok(v) ? v : null);

/** The state an address holds; anything malformed falls back to its default. */
export function parseGridQuery(query: LocationQuery): GridState {
  const q = (k: keyof GridState) => one(query[KEYS[k]]);
  const period = q('period');
  return {
    tab: pick(q('tab'), GRID_TABS, 'heatmap'),
    metric: pick(q('metric'), HEATMAP_METRICS, 'count'),
    window: pick(q('window'), WINDOWS, '7d'),
    month: valid(q('month'), (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s)),
    from: valid(q('from'), (s) => !!dayStart(s)),
    to: valid(q('to'), (s) => !!dayStart(s)),
    category: valid(q('category'), (s) => CODE_RE.test(s)),
    district: valid(q('district'), (s) => ADCODE_RE.test(s)),
    cell: valid(q('cell'), (s) => H3_RE.test(s)),
    case: valid(q('case'), (s) => CODE_RE.test(s)),
    period: period === 'custom' || periodSpan(period) ? period : null,
    periodFrom: valid(q('periodFrom'), (s) => !!dayStart(s)),
    periodTo: valid(q('periodTo'), (s) => !!dayStart(s)),
    by: pick(q('by'), EVALUATION_GROUPS, 'department'),
    drill: q('drill') === '1',
  };
}

/** The address of a state: only what differs from the defaults, so the plain page stays `/grid`. */
export function gridQuery(state: GridState): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  for (const k of Object.keys(KEYS) as Array<keyof GridState>) {
    const v = state[k];
    // A flag is only ever written when set (its default is off), as `1`.
    if (v !== GRID_DEFAULTS[k] && v !== null) out[KEYS[k]] = typeof v === 'boolean' ? '1' : v;
  }
  return out;
}

/** The kind of an evaluation period as the address holds it. */
export function periodKind(period: string | null): PeriodKind {
  if (period === 'custom') return 'custom';
  if (period && /^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (period && /^\d{4}$/.test(period)) return 'year';
  return 'month';
}
