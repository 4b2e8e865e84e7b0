import { z } from 'zod';
import type { GridCase, CaseStatus } from '../../../shared/schemas/grid-event.js';
import type { CaseFilter, CaseQueries } from '../domain/ports.js';
import { AppError } from '../errors.js';
import { inDistricts } from '../../../shared/auth/districts.js';
import { OPEN311_STATUSES } from './open311.adapter.js';

/** GeoReport v2 defaults: the last 90 days, at most 1000 requests. */
export const OPEN311_WINDOW_DAYS = 90;
export const OPEN311_MAX_RESULTS = 1000;
const DAY_MS = 86_400_000;

// A list may be repeated (`?service_code=a&service_code=b`) or comma-separated; repeats are
// dropped, so a code named twice still selects each case once.
const commaList = z.preprocess(
  (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(',') : v),
  z.string({ error: 'must be text: one comma-separated list, or the parameter repeated' }).transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ]),
);
const dateParam = (name: string) => z.iso.datetime({ offset: true, error: `${name} must be an ISO 8601 date-time with a time zone, e.g. 2026-07-01T00:00:00+08:00` });

const querySchema = z.object({
  service_request_id: commaList.optional(),
  service_code: commaList.optional(),
  start_date: dateParam('start_date').optional(),
  end_date: dateParam('end_date').optional(),
  status: commaList.pipe(z.array(z.enum(['open', 'closed'], { error: 'status must be open, closed or both (open,closed)' }))).optional(),
  exercise: z.enum(['true', 'false'], { error: 'exercise must be true or false' }).optional(),
});

/** A parsed `GET requests.json` query. */
export interface Open311Query {
  ids: string[] | null;
  codes: string[] | null;
  statuses: CaseStatus[] | undefined;
  from: string;
  to: string;
  exercise: boolean;
}

/**
 * Reads the GeoReport query parameters. Without dates the window is the last 90 days;
 * with one date the other is 90 days away; a window over 90 days is a 400 as the spec says.
 */
export function parseOpen311Query(query: Record<string, unknown>, now: Date): Open311Query {
  const r = querySchema.safeParse(query);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new AppError(400, 'bad_request', first.path.length ? `${first.path.join('.')}: ${first.message}` : first.message);
  }
  const q = r.data;
  const start = q.start_date ? Date.parse(q.start_date) : undefined;
  const end = q.end_date ? Date.parse(q.end_date) : start !== undefined ? Math.min(start + OPEN311_WINDOW_DAYS * DAY_MS, now.getTime()) : now.getTime();
  const from = start ?? end - OPEN311_WINDOW_DAYS * DAY_MS;
  if (from > end) throw new AppError(400, 'bad_request', 'start_date must not be after end_date');
  if (end - from > OPEN311_WINDOW_DAYS * DAY_MS) {
    throw new AppError(400, 'bad_request', `start_date and end_date may not span more than ${OPEN311_WINDOW_DAYS} days`);
  }
  const wanted = new Set(q.status ?? []);
  const statuses = wanted.size === 1 ? OPEN311_STATUSES[[...wanted][0]!] : undefined;
  return {
    ids: q.service_request_id?.length ? q.service_request_id : null,
    codes: q.service_code?.length ? q.service_code : null,
    statuses,
    from: new Date(from).toISOString(),
    to: new Date(end).toISOString(),
    exercise: q.exercise === 'true',
  };
}

/**
 * Who is reading: the public (no token) sees only requests filed through Open311 and never
 * drill data; a signed-in user sees every case of its districts (`scopeDistricts`).
 */
export interface Open311Access {
  public: boolean;
  /** From `scopeDistricts`; null = the whole city. */
  districts: string[] | null;
}

/** Whether a case may be shown to `access` (the same rule the list query applies). */
export function visibleTo(c: GridCase, access: Open311Access): boolean {
  if (access.public && (c.source !== 'open311' || c.exercise)) return false;
  return inDistricts(access.districts, [c.district]);
}

async function listPages(cases: CaseQueries, base: CaseFilter, max: number): Promise<GridCase[]> {
  const out: GridCase[] = [];
  let cursor: string | undefined;
  // The case API may page below 1000; follow its cursor up to the Open311 maximum.
  do {
    const page = await cases.list({ ...base, cursor, limit: max - out.length });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}

/**
 * The requests a query names that `access` may see: by id (the other parameters then
 * ignored, as the spec says), else by window, status and service codes, newest first, at
 * most 1000, each case once.
 */
export async function findOpen311Requests(cases: CaseQueries, q: Open311Query, access: Open311Access, max = OPEN311_MAX_RESULTS): Promise<GridCase[]> {
  if (q.ids) {
    const found = await Promise.all([...new Set(q.ids)].slice(0, max).map((id) => cases.get(id)));
    return found.filter((c): c is GridCase => c !== null && visibleTo(c, access));
  }
  return listPages(
    cases,
    {
      districts: access.districts,
      statuses: q.statuses,
      reportedFrom: q.from,
      reportedTo: q.to,
      exercise: access.public ? false : q.exercise,
      ...(q.codes ? { categories: q.codes } : {}),
      ...(access.public ? { source: 'open311' as const } : {}),
    },
    max,
  );
}
