import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../store/db.js';
import { AppError } from '../errors.js';
import { feedMessages, getMessage } from '../domain/warnings/warnings.repository.js';
import { capAtomFeed } from '../domain/warnings/cap-feed.js';
import { parse } from './validate.js';

const feedQuery = z.object({ status: z.enum(['Actual', 'Exercise']).default('Actual'), limit: z.coerce.number().int().min(1).max(500).default(100) });

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * The city's own CAP messages, public as alert hubs expect (docs/API.md → CAP feed):
 * `GET /cap/feed.atom` (Actual; Exercise only with `?status=Exercise`) and each published
 * message at `GET /cap/messages/:id.xml` as `application/cap+xml`.
 */
export function createCapFeedRouter(deps: { db: Db; cityName: string; now?: () => Date }): Router {
  const r = Router();
  r.get('/cap/feed.atom', async (req, res) => {
    const q = parse(feedQuery, req.query, ['query']);
    const messages = await feedMessages(deps.db, q.status === 'Exercise', q.limit);
    const selfPath = q.status === 'Exercise' ? '/cap/feed.atom?status=Exercise' : '/cap/feed.atom';
    const xml = capAtomFeed({ baseUrl: baseUrl(req), selfPath, cityName: deps.cityName, exercise: q.status === 'Exercise', messages, now: deps.now?.() ?? new Date() });
    res.type('application/atom+xml; charset=utf-8').set('cache-control', 'public, max-age=30').send(xml);
  });
  r.get('/cap/messages/:id.xml', async (req, res) => {
    const m = await getMessage(deps.db, parse(z.string().min(1).max(100), req.params.id, ['params', 'id']));
    if (!m || m.state !== 'published' || !m.xml) throw new AppError(404, 'not_found', `no published CAP message ${req.params.id}`);
    res.type('application/cap+xml; charset=utf-8').set('cache-control', 'public, max-age=300').send(m.xml);
  });
  return r;
}
