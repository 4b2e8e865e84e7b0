import type { EvaluationAnswer, EvaluationGroup, HeatmapAnswer, HeatmapMetric, HeatmapResolution, HeatmapTrendAnswer } from '../../../shared/contracts/evaluation.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import { api, apiBlob } from '../services/api.js';
import type { Span } from './period.js';

/** A query string of the set values (undefined, null and false left out). */
function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '' && v !== false) p.set(k, String(v));
  return p.toString();
}

/**
 * What every request names: the span, or the calendar period it is (the server then compares
 * with the previous calendar period), and real or drill (exercise) data.
 */
export interface GridWindow {
  span: Span;
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn` or `YYYY`; null: a run of days. */
  period: string | null;
  exercise: boolean;
}

/** The query of a window: the period when it is one, else the span's instants. */
const windowQuery = (w: GridWindow) => ({
  ...(w.period ? { period: w.period } : { from: w.span.from.toISOString(), to: w.span.to.toISOString() }),
  exercise: w.exercise,
});

export interface HeatmapRequest {
  window: GridWindow;
  metric: HeatmapMetric;
  resolution: HeatmapResolution;
  district: string | null;
  category: string | null;
}

/** `GET /api/v1/heatmap`: each cell's value, 环比 and 同比 base (the server scopes a grid user to its districts). */
export const fetchHeatmap = (r: HeatmapRequest) =>
  api<HeatmapAnswer>(`/api/v1/heatmap?${qs({ district: r.district, ...windowQuery(r.window), metric: r.metric, category: r.category, resolution: r.resolution })}`);

/** `GET /api/v1/heatmap/cells/:cell/trend`: the metric day by day in one cell. */
export const fetchCellTrend = (cell: string, w: GridWindow, metric: HeatmapMetric, category: string | null) =>
  api<HeatmapTrendAnswer>(`/api/v1/heatmap/cells/${encodeURIComponent(cell)}/trend?${qs({ ...windowQuery(w), metric, category })}`);

/** The cases reported in a cell during the window, newest first (at most `limit`). */
export const fetchCellCases = (cell: string, w: GridWindow, category: string | null, limit = 200) =>
  api<{ items: GridCase[]; nextCursor: string | null }>(`/api/v1/incidents?${qs({ cell, from: w.span.from.toISOString(), to: w.span.to.toISOString(), exercise: w.exercise, category, limit })}`);

/** The evaluation query of a window and grouping. */
const evaluationQuery = (w: GridWindow, by: EvaluationGroup, category: string | null) => qs({ ...windowQuery(w), by, category });

/** `GET /api/v1/evaluation`: the indicators, score and rank of each group, with 环比 and 同比. */
export const fetchEvaluation = (w: GridWindow, by: EvaluationGroup, category: string | null = null) => api<EvaluationAnswer>(`/api/v1/evaluation?${evaluationQuery(w, by, category)}`);

/** `GET /api/v1/evaluation.csv`: the same rows as a spreadsheet file. */
export const fetchEvaluationCsv = (w: GridWindow, by: EvaluationGroup, category: string | null = null) => apiBlob(`/api/v1/evaluation.csv?${evaluationQuery(w, by, category)}`);
