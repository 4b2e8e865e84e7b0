import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { CaseQueries, IngestService } from '../domain/ports.js';
import type { CaseCategory, Department } from '../../../shared/schemas/city-pack.js';
import { AppError } from '../errors.js';
import { textGuard } from './text-guard.js';
import { bearerKey, type VerifyIngestKey } from './ingest-key.js';
import { bodyErrors, requireContentType } from '../ingest/http-body.js';
import { open311RequestForm, open311SourceId, serviceNotice, toGridEventInput, toOpen311Request, toOpen311Services, type Open311Catalogue } from '../ingest/open311.adapter.js';
import { findOpen311Requests, parseOpen311Query, visibleTo, type Open311Access } from '../ingest/open311-query.js';
import { formatOpen311, formatServiceDefinition, open311Error, open311Format, type Open311Format, type Open311Kind } from '../ingest/open311-format.js';
import { bearerToken } from '../auth/middleware.js';
import { scopeDistricts } from '../auth/scope.js';
import type { AuthUser } from '../auth/types.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import { INGEST_ITEMS_LOCAL, INGEST_KEY_LOCAL } from '../audit/ingest-use.js';

export interface Open311RouterDeps {
  ingest: IngestService;
  cases: CaseQueries;
  categories: CaseCategory[];
  departments: Department[];
  verifyIngestKey: VerifyIngestKey;
  /** Checks a user's bearer token: a signed-in read sees more than the public one. */
  verifyToken: (token: string) => Promise<AuthUser>;
  /** Clock for the default query window; tests pin it. */
  now?: () => Date;
}

/** Base path of the GeoReport v2 endpoints. */
export const OPEN311_BASE = '/open311/v2';
const FORM_LIMIT = '1mb';

function formatOf(req: Request): Open311Format {
  const f = open311Format(req.params.format as string | undefined);
  if (!f) throw new AppError(404, 'not_found', `Unknown format .${String(req.params.format)}: GeoReport resources end in .json or .xml`);
  return f;
}

function send(res: Response, format: Open311Format, kind: Open311Kind, items: object[], status = 200): void {
  const { contentType, body } = formatOpen311(format, kind, items);
  res.status(status).type(contentType).send(body);
}

/** Errors in GeoReport's own shape (`[{"code": 400, "description": "…"}]`), in the requested format. */
const open311Errors: ErrorRequestHandler = (err, req, res, next) => {
  if (!(err instanceof AppError)) return next(err);
  const format: Open311Format = req.path.endsWith('.xml') ? 'xml' : 'json';
  const detail = err.issues.length > 1 ? ` (${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : '';
  send(res, format, 'errors', [open311Error(err.status, `${err.message}${detail}`)], err.status);
};

/**
 * Open311 GeoReport v2 under `/open311/v2` (mount with `app.use(router)`): services from
 * the city's case categories, requests filed as grid events through `ingest`, and read
 * back through `cases`. JSON and XML, errors in the GeoReport format.
 */
export function createOpen311Router(deps: Open311RouterDeps): Router {
  const cat: Open311Catalogue = { categories: deps.categories, departments: deps.departments };
  const now = deps.now ?? (() => new Date());
  const router = Router();

  router.get(`${OPEN311_BASE}/services.:format`, (req, res) => {
    send(res, formatOf(req), 'services', toOpen311Services(cat));
  });

  router.get(`${OPEN311_BASE}/services/:code.:format`, (req, res) => {
    const format = formatOf(req);
    const code = req.params.code;
    if (!cat.categories.some((c) => c.code === code)) throw new AppError(404, 'not_found', `service_code ${code} not found`);
    const { contentType, body } = formatServiceDefinition(format, code);
    res.type(contentType).send(body);
  });

  /**
   * Public (no token): only requests filed through Open311, never drill data. With a user's
   * bearer token: every case of the user's districts, by the one district rule.
   */
  async function accessOf(req: Request, exercise: boolean): Promise<Open311Access> {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      if (exercise) throw new AppError(401, 'unauthorized', 'exercise=true: drill requests are not public; sign in and send a bearer token');
      return { public: true, districts: null };
    }
    const user = await deps.verifyToken(token);
    return { public: false, districts: scopeDistricts(user) };
  }

  const withExtras = async (cases: GridCase[]) => {
    const extras = await deps.cases.open311Extras(cases.map((c) => c.id));
    return cases.map((c) => toOpen311Request(c, cat, extras.get(c.id)));
  };

  router.post(
    `${OPEN311_BASE}/requests.:format`,
    requireContentType('application/x-www-form-urlencoded'),
    express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 200 }),
    textGuard,
    async (req, res) => {
      const format = formatOf(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const key = [body.api_key, req.query.api_key, bearerKey(req.headers.authorization)].find((k) => typeof k === 'string' && k !== '') as string | undefined;
      if (!key || !(await deps.verifyIngestKey(key))) throw new AppError(403, 'forbidden', 'api_key was not provided or is invalid');
      res.locals[INGEST_KEY_LOCAL] = key;
      const parsed = open311RequestForm.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0]!;
        throw new AppError(400, 'bad_request', first.path.length ? `${first.path.join('.')}: ${first.message}` : first.message);
      }
      const token = parsed.data.request_token ?? req.get('Idempotency-Key') ?? undefined;
      const input = toGridEventInput(parsed.data, cat, { sourceId: open311SourceId(key, token), now: now() });
      const result = await deps.ingest.gridEvents([input]).catch((err: unknown) => {
        // The time guard names the case field; a GeoReport client knows it as requested_datetime.
        const late = err instanceof AppError && err.issues.find((i) => i.path.endsWith('.reportedAt'));
        if (late) throw new AppError(422, 'validation_failed', `requested_datetime: ${late.message.replace(/^reportedAt /, '')}`, [{ path: 'requested_datetime', message: late.message }]);
        throw err;
      });
      const id = result.ids[0];
      if (!id) throw new Error('ingest accepted an Open311 request without returning its id');
      res.locals[INGEST_ITEMS_LOCAL] = result.accepted;
      send(res, format, 'requests', [{ service_request_id: id, service_notice: serviceNotice(input.category, cat), account_id: null }], 201);
    },
  );

  router.get(`${OPEN311_BASE}/requests.:format`, async (req, res) => {
    const format = formatOf(req);
    const query = parseOpen311Query(req.query, now());
    const found = await findOpen311Requests(deps.cases, query, await accessOf(req, query.exercise));
    send(res, format, 'requests', await withExtras(found));
  });

  router.get(`${OPEN311_BASE}/requests/:id.:format`, async (req, res) => {
    const format = formatOf(req);
    const id = req.params.id;
    const found = await deps.cases.get(id);
    // A case the reader may not see is reported as absent, so its existence does not leak.
    if (!found || !visibleTo(found, await accessOf(req, false))) throw new AppError(404, 'not_found', `service_request_id ${id} not found`);
    send(res, format, 'requests', await withExtras([found]));
  });

  router.use(OPEN311_BASE, (req, _res, next) => {
    next(new AppError(404, 'not_found', `No GeoReport resource ${req.method} ${OPEN311_BASE}${req.path}`));
  });
  router.use(OPEN311_BASE, bodyErrors(FORM_LIMIT, 'form'), open311Errors);
  return router;
}
