import { Router, type Request } from 'express';
import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { chinaDateString } from '../../../shared/domain/time.js';
import type { CityPack } from '../city/city-pack.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import { areaDailyReports, stationDailyReports, type DailyArea } from '../domain/env/daily-reports.js';
import { AppError } from '../errors.js';
import { csv, parse } from './validate.js';

const DAY_MS = 86_400_000;
/** The longest range one request may ask for: a (leap) year. */
const MAX_DAYS = 366;
/** Days served when no range is given: the last 30, today included. */
const DEFAULT_DAYS = 30;

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const shift = (d: string, days: number) => new Date(dayMs(d) + days * DAY_MS).toISOString().slice(0, 10);

const dailyQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    station: z.array(z.string().min(1).max(100)).max(100).optional(),
    district: z.array(adcode).optional(),
    exercise: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .default(false),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || (dayMs(q.to) - dayMs(q.from)) / DAY_MS < MAX_DAYS, { message: `at most ${MAX_DAYS} days`, path: ['to'] });

/**
 * Daily air reports (日报) — `/api/v1/air/daily` per station and `/air/daily/areas` for the
 * city or districts — scoped by the district rule like every read; drill data only with
 * `exercise=true`, never mixed with real data.
 */
export function createAirRouter(deps: { db: Db; city: CityPack; now?: () => Date }): Router {
  const r = Router();

  const request = (req: Request) => {
    const q = parse(dailyQuery, { ...req.query, station: csv(req.query.station), district: csv(req.query.district) }, ['query']);
    const to = q.to ?? (q.from ? shift(q.from, DEFAULT_DAYS - 1) : chinaDateString(deps.now?.() ?? new Date()));
    const from = q.from ?? shift(to, 1 - DEFAULT_DAYS);
    return { ...q, from, to, scope: scopeDistricts(currentUser(req), q.district) };
  };

  r.get('/daily', async (req, res) => {
    const q = request(req);
    for (const [i, id] of (q.station ?? []).entries()) {
      const s = deps.city.stationById.get(id);
      if (!s || s.kind !== 'air')
        throw new AppError(422, 'validation_failed', `Invalid input: query.station: unknown air station '${id}'`, [{ path: `query.station.${i}`, message: `unknown air station '${id}'` }]);
      if (q.scope && !q.scope.includes(s.district)) throw new AppError(403, 'station_forbidden', `Not allowed to read station ${id}`);
    }
    const items = await stationDailyReports(deps.db, { from: q.from, to: q.to, exercise: q.exercise, stations: q.station ?? null, districts: q.scope });
    res.json({ from: q.from, to: q.to, items });
  });

  r.get('/daily/areas', async (req, res) => {
    const q = request(req);
    // A city-wide user asking for no district gets the city; otherwise each district in scope (never the city).
    const areas: DailyArea[] = q.scope ? q.scope.map((d) => ({ scope: d, level: 'district', districts: [d] })) : [{ scope: deps.city.manifest.adcode, level: 'city', districts: null }];
    const items = await areaDailyReports(deps.db, { from: q.from, to: q.to, exercise: q.exercise }, areas);
    res.json({ from: q.from, to: q.to, items });
  });

  return r;
}
