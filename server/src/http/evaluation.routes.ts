import { Router, type Request } from 'express';
import { z } from 'zod';
import { isValidCell, getResolution } from 'h3-js';
import { adcode, isoDateTime } from '../../../shared/schemas/common.js';
import { calendarSpan } from '../../../shared/domain/calendar-period.js';
import { EVALUATION_GROUPS, HEATMAP_METRICS, HEATMAP_RESOLUTIONS, INDICATOR_NAMES, type Indicators } from '../../../shared/contracts/evaluation.js';
import { authorize, currentUser, scopeDistricts } from '../auth/middleware.js';
import { AppError } from '../errors.js';
import type { Analysis, AnalysisScope } from '../domain/rollups/analysis.service.js';
import { csvRow } from './csv-row.js';
import { parse } from './validate.js';

/** The longest period one request may cover (its 同比 and 环比 are read as well). */
const MAX_DAYS = 400;

const scopeQuery = z.object({
  period: z.string().trim().max(10).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  category: z.string().trim().min(1).max(64).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});
const metricQuery = z.object({ metric: z.enum(HEATMAP_METRICS).default('count') });
const heatmapQuery = scopeQuery.extend(metricQuery.shape).extend({
  district: adcode.optional(),
  resolution: z.coerce
    .number()
    .int()
    .refine((r) => (HEATMAP_RESOLUTIONS as readonly number[]).includes(r), 'must be 10, 9, 8 or 7')
    .default(10),
});
const evaluationQuery = scopeQuery.extend({ by: z.enum(EVALUATION_GROUPS).default('department'), district: adcode.optional() });

/** Bilingual CSV headers of the indicators (zh-CN first, English second). */
const HEADERS: Record<keyof Indicators, [string, string]> = {
  reported: ['上报数', 'Reported'],
  registered: ['立案数', 'Registered'],
  dispatched: ['派遣数', 'Dispatched'],
  closed: ['结案数', 'Closed'],
  onTimeRegistrationRate: ['按时立案率', 'On-time registration rate'],
  accurateDispatchRate: ['准确派遣率', 'Accurate dispatch rate'],
  disposalRate: ['处置率', 'Disposal rate'],
  onTimeDisposalRate: ['按期处置率', 'On-time disposal rate'],
  closureRate: ['结案率', 'Closure rate'],
  onTimeClosureRate: ['按期结案率', 'On-time closure rate'],
  sendBackRate: ['返工率', 'Send-back rate'],
  avgHandlingHours: ['平均处置时长(小时)', 'Average handling hours'],
  supervised: ['督办数', 'Supervised'],
};

/**
 * The period and district scope of a request. `period` names a calendar period (day, month,
 * quarter or year, in the city's time) and replaces `from` and `to`; otherwise `to` defaults to
 * now and `from` to 30 days before `to`. A period still running is read until now, so 环比 and
 * 同比 compare as much of theirs.
 */
function scopeOf(req: Request, q: z.infer<typeof scopeQuery> & { district?: string }, now: Date, utcOffsetMinutes: number): AnalysisScope {
  const invalid = (path: string, message: string) => new AppError(422, 'validation_failed', `Invalid input: query.${path}: ${message}`, [{ path: `query.${path}`, message }]);
  const calendar = q.period === undefined ? null : calendarSpan(q.period, utcOffsetMinutes);
  if (q.period !== undefined && !calendar) throw invalid('period', 'must be YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY');
  if (calendar && (q.from || q.to)) throw invalid('period', 'give either period or from and to');
  const to = calendar?.to ?? (q.to ? new Date(q.to) : now);
  const from = calendar?.from ?? (q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000));
  if (from >= to) throw invalid('from', 'must be before to');
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw invalid('from', `the period may span at most ${MAX_DAYS} days`);
  const districts = scopeDistricts(currentUser(req), q.district ? [q.district] : null);
  const until = from < now && to > now ? now : to;
  return { districts, from, to: until, now, exercise: q.exercise, ...(calendar ? { basis: calendar.kind } : {}), ...(q.category ? { category: q.category } : {}) };
}

/**
 * `GET /heatmap`, `GET /heatmap/cells/:cell/trend`, `GET /evaluation` and `GET /evaluation.csv`
 * (docs/API.md): read from the case rollups, scoped to the user's districts like every read;
 * drill data only with `exercise=true`. Permission `evaluation:read`. Mount under `/api/v1`.
 */
export function createEvaluationRouter(deps: { analysis: Analysis; categories: ReadonlyMap<string, unknown>; gridResolution: number; now?: () => Date }): Router {
  const r = Router();
  const scope = (req: Request, q: Parameters<typeof scopeOf>[1]) => scopeOf(req, q, deps.now?.() ?? new Date(), deps.analysis.utcOffsetMinutes);
  const checked = <T extends { category?: string }>(q: T): T => {
    if (q.category && !deps.categories.has(q.category))
      throw new AppError(422, 'validation_failed', `Invalid input: query.category: unknown category '${q.category}'`, [{ path: 'query.category', message: `unknown category '${q.category}'` }]);
    return q;
  };

  r.get('/heatmap', async (req, res) => {
    authorize(currentUser(req), 'evaluation:read');
    const q = checked(parse(heatmapQuery, req.query, ['query']));
    res.json(await deps.analysis.heatmap(scope(req, q), q.metric, q.resolution as 10));
  });

  r.get('/heatmap/cells/:cell/trend', async (req, res) => {
    authorize(currentUser(req), 'evaluation:read');
    const cell = String(req.params.cell);
    if (!isValidCell(cell) || getResolution(cell) < 7 || getResolution(cell) > deps.gridResolution) {
      throw new AppError(422, 'validation_failed', `Invalid input: params.cell: must be an H3 cell of resolution 7 to ${deps.gridResolution}`, [
        { path: 'params.cell', message: `must be an H3 cell of resolution 7 to ${deps.gridResolution}` },
      ]);
    }
    const q = checked(parse(scopeQuery.extend(metricQuery.shape), req.query, ['query']));
    res.json(await deps.analysis.trend(scope(req, q), cell, q.metric));
  });

  r.get('/evaluation', async (req, res) => {
    authorize(currentUser(req), 'evaluation:read');
    const q = checked(parse(evaluationQuery, req.query, ['query']));
    res.json(await deps.analysis.evaluation(scope(req, q), q.by));
  });

  r.get('/evaluation.csv', async (req, res) => {
    authorize(currentUser(req), 'evaluation:read');
    const q = checked(parse(evaluationQuery, req.query, ['query']));
    const answer = await deps.analysis.evaluation(scope(req, q), q.by);
    res.type('text/csv; charset=utf-8').attachment(`evaluation-${q.by}.csv`);
    let body = '\uFEFF';
    body += csvRow(['排名', '分组', '名称', ...INDICATOR_NAMES.map((k) => HEADERS[k][0]), '得分']);
    body += csvRow(['Rank', 'Key', 'Name', ...INDICATOR_NAMES.map((k) => HEADERS[k][1]), 'Score']);
    for (const row of answer.rows) body += csvRow([row.rank, row.key, row.name, ...INDICATOR_NAMES.map((k) => row.indicators[k]), row.score]);
    res.send(body);
  });
  return r;
}
