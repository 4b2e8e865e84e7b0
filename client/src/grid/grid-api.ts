import type { EvaluationAnswer, EvaluationGroup, HeatmapAnswer, HeatmapMetric, HeatmapResolution, HeatmapTrendAnswer } from '../../../shared/contracts/evaluation.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import { api, apiBlob } from '../services/api.js';
import type { Span } from './period.js';

/** A query string of the set values (undefined and null left out). */
function qs(params: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

export interface HeatmapRequest {
  span: Span;
  metric: HeatmapMetric;
  resolution: HeatmapResolution;
  district: string | null;
  category: string | null;
}

/** `GET /api/v1/heatmap`: each cell's value, 环比 and 同比 base (the server scopes a grid user to its districts). */
export const fetchHeatmap = (r: HeatmapRequest) =>
  api<HeatmapAnswer>(`/api/v1/heatmap?${qs({ district: r.district, from: r.span.from.toISOString(), to: r.span.to.toISOString(), metric: r.metric, category: r.category, resolution: r.resolution })}`);

/** `GET /api/v1/heatmap/cells/:cell/trend`: the metric day by day in one cell. */
export const fetchCellTrend = (cell: string, span: Span, metric: HeatmapMetric, category: string | null) =>
  api<HeatmapTrendAnswer>(`/api/v1/heatmap/cells/${encodeURIComponent(cell)}/trend?${qs({ from: span.from.toISOString(), to: span.to.toISOString(), metric, category })}`);

/** The cases reported in a cell during the span, newest first (at most `limit`). */
export const fetchCellCases = (cell: string, span: Span, category: string | null, limit = 200) =>
  api<{ items: GridCase[]; nextCursor: string | null }>(`/api/v1/incidents?${qs({ cell, from: span.from.toISOString(), to: span.to.toISOString(), category, limit })}`);

/** The evaluation query of a period and grouping. */
const evaluationQuery = (span: Span, by: EvaluationGroup, category: string | null) => qs({ from: span.from.toISOString(), to: span.to.toISOString(), by, category });

/** `GET /api/v1/evaluation`: the indicators, score and rank of each group, with 环比 and 同比. */
export const fetchEvaluation = (span: Span, by: EvaluationGroup, category: string | null = null) => api<EvaluationAnswer>(`/api/v1/evaluation?${evaluationQuery(span, by, category)}`);

/** `GET /api/v1/evaluation.csv`: the same rows as a spreadsheet file. */
export const fetchEvaluationCsv = (span: Span, by: EvaluationGroup, category: string | null = null) => apiBlob(`/api/v1/evaluation.csv?${evaluationQuery(span, by, category)}`);
