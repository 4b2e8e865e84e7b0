import { Router } from 'express';
import { z } from 'zod';
import { isoDateTime } from '../../../shared/schemas/common.js';
import { liveTopic } from '../../../shared/contracts/live.js';
import { currentUser, scopeDistricts } from '../auth/middleware.js';
import type { Db } from '../store/db.js';
import { iso } from '../store/sql-helpers.js';
import { AppError } from '../errors.js';
import { csv, parse } from './validate.js';

const MAX_WINDOW_MS = 7 * 86_400_000;
const MAX_EVENTS = 50_000;

const query = z.object({
  from: isoDateTime,
  to: isoDateTime,
  topics: z.array(liveTopic.extract(['grid', 'alerts', 'env'])).optional(),
  exercise: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/**
 * Time travel: every case step, alert message and reading of a past window in time order,
 * so the map and the charts can be played back together.
 */
export function createReplayRouter(deps: { db: Db }): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const q = parse(query, { ...req.query, topics: csv(req.query.topics) }, ['query']);
    if (Date.parse(q.to) <= Date.parse(q.from)) throw new AppError(422, 'validation_failed', 'to must be after from', [{ path: 'query.to', message: 'must be after from' }]);
    if (Date.parse(q.to) - Date.parse(q.from) > MAX_WINDOW_MS) throw new AppError(422, 'validation_failed', 'window longer than 7 days', [{ path: 'query.to', message: 'at most 7 days after from' }]);
    const scope = scopeDistricts(currentUser(req));
    const topics = new Set(q.topics ?? ['grid', 'alerts', 'env']);
    const exercise = q.exercise ?? false;
    const p = [q.from, q.to, exercise, scope, MAX_EVENTS];
    const scoped = (col: string) => `($4::text[] is null or ${col})`;
    const parts: Promise<{ at: string; topic: string; item: unknown }[]>[] = [];
    if (topics.has('grid')) {
      // A case's report is its row's reported_at; the steps after it are in case_timeline.
      const caseCols = 'c.id, c.category, c.kind, c.title, c.lon, c.lat, c.district, c.grid_cell';
      const caseScope = `c.exercise = $3 and ${scoped('c.district = any($4::text[])')}`;
      parts.push(
        deps.db
          .query(
            `select c.reported_at as at, 0::bigint as step, 'reported' as status, 'source:' || c.source as actor, null as note, ${caseCols}
         from cases c where c.reported_at >= $1 and c.reported_at < $2 and ${caseScope}
         union all
         select t.at, t.id, t.status, t.actor, t.note, ${caseCols}
         from case_timeline t join cases c on c.id = t.case_id where t.at >= $1 and t.at < $2 and ${caseScope}
         order by at, step limit $5`,
            p,
          )
          .then(({ rows }) =>
            rows.map((x) => ({
              at: iso(x.at),
              topic: 'grid',
              item: {
                id: x.id,
                status: x.status,
                actor: x.actor,
                note: x.note,
                category: x.category,
                kind: x.kind,
                title: x.title,
                location: { lon: x.lon, lat: x.lat },
                district: x.district,
                gridCell: x.grid_cell,
              },
            })),
          ),
      );
    }
    if (topics.has('alerts')) {
      parts.push(
        deps.db
          .query(
            `select m.received_at, m.msg_type, m.source_id, m.payload, a.id, a.districts from alert_messages m join alerts a on a.id = m.alert_id
         where m.received_at >= $1 and m.received_at < $2 and a.exercise = $3 and ${scoped('a.districts && $4::text[]')} order by m.received_at limit $5`,
            p,
          )
          .then(({ rows }) =>
            rows.map((x) => ({ at: iso(x.received_at), topic: 'alerts', item: { alertId: x.id, msgType: x.msg_type, identifier: x.source_id, districts: x.districts, message: x.payload } })),
          ),
      );
    }
    if (topics.has('env')) {
      parts.push(
        deps.db
          .query(
            `select id, station_id, kind, district, observed_at, "values", assessment from observations
         where observed_at >= $1 and observed_at < $2 and exercise = $3 and ${scoped('district = any($4::text[])')} order by observed_at limit $5`,
            p,
          )
          .then(({ rows }) =>
            rows.map((x) => ({
              at: iso(x.observed_at),
              topic: 'env',
              item: { id: String(x.id), stationId: x.station_id, kind: x.kind, district: x.district, values: x.values, assessment: x.assessment },
            })),
          ),
      );
    }
    const events = (await Promise.all(parts)).flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    res.json({ from: q.from, to: q.to, truncated: events.length >= MAX_EVENTS, events: events.slice(0, MAX_EVENTS) });
  });
  return r;
}
