import express, { Router, type Request, type RequestHandler } from 'express';
import type { IngestResult, IngestService } from '../domain/ports.js';
import { MAX_ITEMS, parseAlerts, parseGridEvents, parseIndicators, parseObservations } from '../ingest/json.adapter.js';
import { parseCap } from '../ingest/cap.adapter.js';
import { parseIndicatorCsv } from '../ingest/csv.adapter.js';
import { requireIngestKey, type VerifyIngestKey } from './ingest-key.js';
import { bodyErrors, requireContentType } from '../ingest/http-body.js';
import { textGuard } from './text-guard.js';
import { AppError } from '../errors.js';
import { INGEST_ITEMS_LOCAL } from '../audit/ingest-use.js';

export interface IngestLimits {
  /** Largest accepted body (bytes or a string such as `10mb`); default 10 MB. */
  bodyBytes?: number | string;
  /** Most items per request; default 10,000. */
  items?: number;
  /** Largest accepted CAP message; default 1 MB (a CAP message is one alert, its geometry bounded). */
  capBytes?: number | string;
}

export interface IngestRouterDeps {
  ingest: IngestService;
  verifyIngestKey: VerifyIngestKey;
  limits?: IngestLimits;
}

/** A refusal of the one CAP message names its elements as the CAP endpoint does: `0.references` → `alert.references`. */
function asCapIssues(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.issues.some((i) => i.path.startsWith('0.'))) return err;
  const issues = err.issues.map((i) => ({ ...i, path: i.path.replace(/^0\./, 'alert.') }));
  return new AppError(err.status, err.code, err.message.replace(/\b0\.(?=\w)/, 'alert.'), issues);
}

/** Base path of the JSON/CAP/CSV ingest endpoints. */
export const INGEST_BASE = '/api/v1/ingest';

const JSON_TYPES = ['application/json', 'application/*+json'];
const CAP_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];
const CSV_TYPES = ['text/csv'];

/**
 * The ingest endpoints of CONTRACT.md under `/api/v1/ingest` (mount with `app.use(router)`).
 * Each checks the ingest key, then the Content-Type, then parses and validates the whole
 * body, and answers `202 {accepted, ids}` only once `ingest` has stored it; any error goes
 * to `next` as an AppError, so nothing reaches the service from a bad request.
 */
export function createIngestRouter(deps: IngestRouterDeps): Router {
  const limit = deps.limits?.bodyBytes ?? '10mb';
  const maxItems = deps.limits?.items ?? MAX_ITEMS;
  const capLimit = deps.limits?.capBytes ?? '1mb';
  const auth = requireIngestKey(deps.verifyIngestKey);
  const json = [requireContentType(...JSON_TYPES), express.json({ limit, type: JSON_TYPES }), textGuard];
  const router = Router();

  const accept =
    (store: (req: Request) => Promise<IngestResult>): RequestHandler =>
    async (req, res) => {
      const result = await store(req);
      res.locals[INGEST_ITEMS_LOCAL] = result.accepted;
      res.status(202).json({ accepted: result.accepted, ids: result.ids });
    };

  router.post(
    `${INGEST_BASE}/grid-events`,
    auth,
    ...json,
    accept((req) => deps.ingest.gridEvents(parseGridEvents(req.body, maxItems))),
  );

  router.post(
    `${INGEST_BASE}/alerts`,
    auth,
    ...json,
    accept((req) => deps.ingest.alerts(parseAlerts(req.body, maxItems))),
  );

  router.post(
    `${INGEST_BASE}/cap`,
    auth,
    requireContentType(...CAP_TYPES),
    express.text({ limit: capLimit, type: CAP_TYPES }),
    textGuard,
    accept((req) => deps.ingest.alerts([parseCap(String(req.body))]).catch((err: unknown) => Promise.reject(asCapIssues(err)))),
  );

  router.post(
    `${INGEST_BASE}/observations`,
    auth,
    ...json,
    accept((req) => deps.ingest.observations(parseObservations(req.body, maxItems))),
  );

  router.post(
    `${INGEST_BASE}/indicators`,
    auth,
    requireContentType(...JSON_TYPES, ...CSV_TYPES),
    express.json({ limit, type: JSON_TYPES }),
    express.text({ limit, type: CSV_TYPES }),
    textGuard,
    accept((req) => {
      const items = req.is(CSV_TYPES) ? parseIndicatorCsv(String(req.body), maxItems) : parseIndicators(req.body, maxItems);
      return deps.ingest.indicators(items);
    }),
  );

  router.use(`${INGEST_BASE}/cap`, bodyErrors(capLimit));
  router.use(INGEST_BASE, bodyErrors(limit));
  return router;
}
