import { Router, type Response } from 'express';
import { z } from 'zod';
import { isoDateTime } from '../../../shared/schemas/common.js';
import { authorize, currentUser } from '../auth/middleware.js';
import type { Queryable } from '../store/db.js';
import { listAudit, type AuditFilter } from '../audit/audit.repository.js';
import { csvRow } from './csv-row.js';
import { parse } from './validate.js';

const text = z.string().trim().min(1).max(200);
const auditQuery = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  actor: text.optional(),
  action: text.optional(),
  target: text.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be the nextCursor of a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const CSV_COLUMNS = ['seq', 'at', 'actor', 'role', 'action', 'target', 'ip', 'detail'] as const;
/** Rows read per query while exporting. */
const CSV_PAGE = 1000;

function filterOf(query: unknown): AuditFilter {
  const q = parse(auditQuery, query, ['query']);
  return { from: q.from, to: q.to, actor: q.actor, action: q.action, target: q.target, beforeSeq: q.cursor ? Number(q.cursor) : undefined, limit: q.limit };
}

/** `GET /audit` (a page, newest first) and `GET /audit.csv` (every matching row); permission `audit:read`. Mount under `/api/v1`. */
export function createAuditRouter(deps: { db: Queryable }): Router {
  const r = Router();
  r.get('/audit', async (req, res) => {
    authorize(currentUser(req), 'audit:read');
    res.json(await listAudit(deps.db, filterOf(req.query)));
  });
  r.get('/audit.csv', async (req, res) => {
    authorize(currentUser(req), 'audit:read');
    const filter = { ...filterOf(req.query), limit: CSV_PAGE };
    res.type('text/csv; charset=utf-8').attachment('audit.csv');
    res.write(csvRow(CSV_COLUMNS));
    for (;;) {
      const page = await listAudit(deps.db, filter);
      for (const item of page.items) await write(res, csvRow(CSV_COLUMNS.map((c) => item[c])));
      if (!page.nextCursor || res.destroyed) break;
      filter.beforeSeq = Number(page.nextCursor);
    }
    res.end();
  });
  return r;
}

/** Writes and waits while the client reads slower than the export is produced (or until it goes away). */
function write(res: Response, chunk: string): Promise<void> | void {
  if (res.destroyed || res.write(chunk)) return;
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.once('drain', done).once('close', done);
  });
}
