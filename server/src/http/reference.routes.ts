import type { BasemapSpec } from '../../../shared/contracts/basemap.js';
import { Router } from 'express';
import { z } from 'zod';
import { adcode, isoDateTime } from '../../../shared/schemas/common.js';
import { indicatorCode } from '../../../shared/schemas/indicator.js';
import { resourceType } from '../../../shared/schemas/city-pack.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import type { Domain } from '../domain/index.js';
import type { CityPack } from '../city/city-pack.js';
import { history, latestPerStation } from '../domain/env/observations.repository.js';
import { createNearbyIndex, NEARBY_KINDS } from '../city/nearby.js';
import { AppError } from '../errors.js';
import { csv, parse } from './validate.js';

/** `exercise=true` asks for a drill's own vital signs instead of the real ones. */
const exerciseFlag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

const nearbyQuery = z.object({
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  radius: z.coerce.number().int().min(100).max(20_000),
  kinds: z
    .array(z.enum(NEARBY_KINDS))
    .min(1)
    .default([...NEARBY_KINDS]),
});

/** The city pack, stations with their latest reading, resources, cameras (and what is near a point), indicators and KPIs. */
export function createReferenceRouter(deps: { db: Db; domain: Domain; city: CityPack; basemap?: BasemapSpec }): Router {
  const r = Router();
  const { city } = deps;

  r.get('/city', (_req, res) => {
    res.json({ manifest: city.manifest, districts: city.districts, categories: city.categories, departments: city.departments, senders: city.senders, basemap: deps.basemap ?? { kind: 'builtin' } });
  });

  r.get('/stations', async (req, res) => {
    const q = parse(z.object({ kind: z.enum(['air', 'water', 'noise']).optional(), district: z.array(adcode).optional() }), { ...req.query, district: csv(req.query.district) }, ['query']);
    const scope = scopeDistricts(currentUser(req), q.district);
    const latest = new Map((await latestPerStation(deps.db)).map((o) => [o.stationId, o]));
    const items = city.stations.filter((s) => (!q.kind || s.kind === q.kind) && inDistricts(scope, [s.district])).map((s) => ({ ...s, latest: latest.get(s.id) ?? null }));
    res.json({ items });
  });

  r.get('/stations/:id/readings', async (req, res) => {
    const station = city.stationById.get(req.params.id);
    if (!station || !inDistricts(scopeDistricts(currentUser(req)), [station.district])) throw new AppError(404, 'not_found', `station ${req.params.id} not found`);
    const now = Date.now();
    const q = parse(z.object({ from: isoDateTime.optional(), to: isoDateTime.optional() }), req.query, ['query']);
    const from = q.from ?? new Date(now - 86_400_000).toISOString();
    const to = q.to ?? new Date(now + 60_000).toISOString();
    res.json({ station, items: await history(deps.db, station.id, from, to) });
  });

  r.get('/resources', (req, res) => {
    const q = parse(z.object({ type: z.array(resourceType).optional(), district: z.array(adcode).optional() }), { type: csv(req.query.type), district: csv(req.query.district) }, ['query']);
    const scope = scopeDistricts(currentUser(req), q.district);
    res.json({ items: city.resources.filter((x) => (!q.type || q.type.includes(x.type)) && inDistricts(scope, [x.district])) });
  });

  r.get('/cameras', (req, res) => {
    const scope = scopeDistricts(currentUser(req), csv(req.query.district));
    res.json({ items: city.cameras.filter((c) => inDistricts(scope, [c.district])) });
  });

  const nearby = createNearbyIndex(city);
  r.get('/nearby', (req, res) => {
    const q = parse(nearbyQuery, { ...req.query, kinds: csv(req.query.kinds) }, ['query']);
    const items = nearby.search({ lon: q.lon, lat: q.lat }, q.radius, q.kinds, scopeDistricts(currentUser(req)));
    res.json({ items, radius: q.radius });
  });

  r.get('/indicators', async (req, res) => {
    const q = parse(z.object({ code: indicatorCode.optional(), region: adcode.optional(), year: z.coerce.number().int().min(1990).max(2100).optional() }), req.query, ['query']);
    const scope = scopeDistricts(currentUser(req), q.region ? [q.region] : undefined);
    const items = await deps.domain.economy.list({ code: q.code, region: q.region, year: q.year, latestOnly: !q.year });
    res.json({ items: items.filter((i) => inDistricts(scope, [i.region])) });
  });

  r.get('/kpi', (req, res) => {
    const scope = scopeDistricts(currentUser(req), csv(req.query.district));
    const exercise = parse(z.object({ exercise: exerciseFlag }), { exercise: req.query.exercise }, ['query']).exercise ?? false;
    res.json({ items: deps.domain.kpi.current().filter((v) => v.exercise === exercise && inDistricts(scope, [v.scope])) });
  });

  r.get('/kpi/history', async (req, res) => {
    const q = parse(
      z
        .object({ district: z.array(adcode).optional(), from: isoDateTime.optional(), to: isoDateTime.optional(), exercise: exerciseFlag })
        .refine((x) => !x.from || !x.to || Date.parse(x.from) <= Date.parse(x.to), { message: 'from must not be after to', path: ['from'] }),
      { ...req.query, district: csv(req.query.district) },
      ['query'],
    );
    const now = Date.now();
    const from = new Date(q.from ?? now - 3_600_000);
    const to = new Date(q.to ?? now);
    res.json({ items: await deps.domain.kpi.history(from, to, scopeDistricts(currentUser(req), q.district), q.exercise ?? false) });
  });

  return r;
}
