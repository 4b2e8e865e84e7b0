import { Router, type Request } from 'express';
import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import { airTrend, caseTrend, type TrendRequest } from '../domain/stats/stats.service.js';
import { csv, parse } from './validate.js';

const trendQuery = z.object({
  hours: z.coerce.number().int().min(1).max(168).default(24),
  district: z.array(adcode).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

/**
 * Hourly statistics that seed the screen's trend charts (`/api/v1/stats/*`), scoped to the
 * user's districts like every read; drill data only with `exercise=true`, never mixed.
 */
export function createStatsRouter(deps: { db: Db; now?: () => Date }): Router {
  const r = Router();
  const request = (req: Request): TrendRequest => {
    const q = parse(trendQuery, { ...req.query, district: csv(req.query.district) }, ['query']);
    return { hours: q.hours, districts: scopeDistricts(currentUser(req), q.district), exercise: q.exercise, now: deps.now?.() ?? new Date() };
  };
  r.get('/case-trend', async (req, res) => void res.json(await caseTrend(deps.db, request(req))));
  r.get('/air-trend', async (req, res) => void res.json(await airTrend(deps.db, request(req))));
  return r;
}
