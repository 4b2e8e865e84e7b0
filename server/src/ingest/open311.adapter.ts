import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GridCase, GridEventInput, CaseStatus } from '../../../shared/schemas/grid-event.js';
import type { CaseCategory, Department } from '../../../shared/schemas/city-pack.js';
import { AppError } from '../errors.js';

/** One entry of `GET /open311/v2/services.json` (GeoReport v2). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

/** One service request as GeoReport v2 shows it. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number;
  long: number;
  media_url: string | null;
}

/** What a request shows beyond the case row (see `CaseQueries.open311Extras`). */
export interface Open311Extras {
  mediaUrl: string | null;
  closingNote: string | null;
}

/** What Open311 needs to know about the city: its case categories and departments. */
export interface Open311Catalogue {
  categories: CaseCategory[];
  departments: Department[];
}

const CLOSED: ReadonlySet<CaseStatus> = new Set(['closed', 'evaluated', 'rejected']);

/** Lifecycle stages that GeoReport's `open` and `closed` stand for. */
export const OPEN311_STATUSES: Record<'open' | 'closed', CaseStatus[]> = {
  open: ['reported', 'registered', 'dispatched', 'in_progress', 'feedback'],
  closed: ['closed', 'evaluated', 'rejected'],
};

/** GeoReport status of a lifecycle stage: closed/evaluated/rejected are closed, the rest open. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return CLOSED.has(status) ? 'closed' : 'open';
}

const departmentName = (cat: Open311Catalogue, id: string | null | undefined) => (id ? (cat.departments.find((d) => d.id === id)?.name ?? id) : null);

/** A category's handling time limit in Chinese and English: natural hours, or working hours of the city calendar. */
export function timeLimit(c: Pick<CaseCategory, 'deadlineHours' | 'clock'>): { zh: string; en: string } {
  return c.clock === 'working' ? { zh: `${c.deadlineHours} 个工作小时`, en: `${c.deadlineHours} working hours` } : { zh: `${c.deadlineHours} 小时`, en: `${c.deadlineHours} h` };
}

/** The city's case categories as GeoReport services (group 部件 for facilities, 事件 for incidents). */
export function toOpen311Services(cat: Open311Catalogue): Open311Service[] {
  return cat.categories.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `${c.nameEn}. ${departmentName(cat, c.department) ?? c.department}, ${timeLimit(c).en}`,
    metadata: false,
    type: 'realtime',
    keywords: [c.nameEn, c.kind].join(','),
    group: c.kind === 'facility' ? '部件' : '事件',
  }));
}

const STATUS_NOTES: Partial<Record<CaseStatus, string>> = {
  rejected: '不予立案 (not accepted as a city-management case)',
  feedback: '处理完毕，待核查 (handled, awaiting verification)',
};

/** What a duplicate merged into another request says: the master's id, as GeoReport clients look it up. */
export function duplicateNote(masterId: string): string {
  return `重复案件，已并入 ${masterId} (duplicate of service request ${masterId})`;
}

/**
 * A stored case as a GeoReport service request: only public fields (no reporter, no internal
 * timeline notes); a closed or rejected request carries its closing note in `status_notes`, a
 * merged duplicate the id of the request it was merged into.
 */
export function toOpen311Request(c: GridCase, cat: Open311Catalogue, extras?: Open311Extras): Open311Request {
  const closingNote = open311Status(c.status) === 'closed' ? (c.mergedInto ? duplicateNote(c.mergedInto) : (extras?.closingNote ?? null)) : null;
  return {
    service_request_id: c.id,
    status: open311Status(c.status),
    status_notes: closingNote ?? STATUS_NOTES[c.status] ?? null,
    service_name: cat.categories.find((k) => k.code === c.category)?.name ?? c.category,
    service_code: c.category,
    description: c.description,
    agency_responsible: departmentName(cat, c.department),
    service_notice: null,
    requested_datetime: c.reportedAt,
    updated_datetime: c.updatedAt,
    expected_datetime: c.deadlineAt,
    address: c.address,
    address_id: null,
    zipcode: null,
    lat: c.location.lat,
    long: c.location.lon,
    media_url: extras?.mediaUrl ?? null,
  };
}

const optionalText = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'must be given once, as text' }).trim().max(max, `must be at most ${max} characters`).optional());
const coordinate = (name: string, limit: number) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: 'must be given once, as text' })
      .regex(/^\s*[+-]?\d+(\.\d+)?\s*$/, `${name} must be a decimal number`)
      .transform(Number)
      .refine((n) => Math.abs(n) <= limit, `${name} must be between -${limit} and ${limit}`)
      .optional(),
  );

/** The form fields of `POST requests.json` this server reads (others are ignored as the spec allows). */
export const open311RequestForm = z.object({
  service_code: z.string({ error: 'service_code is required' }).trim().min(1, 'service_code is required'),
  lat: coordinate('lat', 90),
  long: coordinate('long', 180),
  address_string: optionalText(300),
  description: optionalText(4000),
  media_url: optionalText(2000).pipe(z.url({ protocol: /^https?$/, error: 'media_url must be an http or https URL' }).optional()),
  first_name: optionalText(50),
  last_name: optionalText(50),
  /** Extension: a client-chosen key that makes a retried POST create the request once. */
  request_token: optionalText(200),
  /** Extension: when an offline client saw the problem (ISO 8601); default the time of receipt. */
  requested_datetime: z.preprocess((v) => (v === '' ? undefined : v), z.iso.datetime({ offset: true, error: 'requested_datetime must be an ISO 8601 date-time with a time zone' }).optional()),
  /** Extension: `true` files the request as a drill (指挥演练) case. */
  exercise: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false'], { error: 'exercise must be true or false' }).optional()),
});
export type Open311RequestForm = z.infer<typeof open311RequestForm>;

/**
 * The stored source id of an Open311 request. With a client token it is derived from the
 * ingest key and the token, so a retried POST maps onto the same case and two clients'
 * tokens never collide; without one every POST is a new request.
 */
export function open311SourceId(apiKey: string, token: string | undefined): string {
  if (!token) return `open311:${randomUUID()}`;
  return `open311:${createHash('sha256').update(`${apiKey}\n${token}`).digest('hex').slice(0, 40)}`;
}

/** Turns a validated form into a grid event; 400 (Open311 style) for an unknown service or no coordinates. */
export function toGridEventInput(form: Open311RequestForm, cat: Open311Catalogue, opts: { sourceId: string; now: Date }): GridEventInput {
  const category = cat.categories.find((c) => c.code === form.service_code);
  if (!category) throw new AppError(400, 'bad_request', `service_code ${form.service_code} not found; see services.json`);
  if (form.lat === undefined || form.long === undefined) {
    const why = form.address_string ? ' (this server does not geocode address_string)' : '';
    throw new AppError(400, 'bad_request', `lat and long are required${why}`);
  }
  const firstLine = form.description?.split('\n')[0]?.trim();
  const reporter = [form.first_name, form.last_name].filter(Boolean).join(' ');
  return {
    sourceId: opts.sourceId,
    source: 'open311',
    category: category.code,
    kind: category.kind,
    title: firstLine ? firstLine.slice(0, 60) : category.name,
    description: form.description,
    location: { lon: form.long, lat: form.lat },
    address: form.address_string,
    reportedAt: form.requested_datetime ?? opts.now.toISOString(),
    mediaUrl: form.media_url,
    exercise: form.exercise === 'true' ? true : undefined,
    reporter: reporter || undefined,
  };
}

/** The `service_notice` answered to a new request: who handles it and within what time. */
export function serviceNotice(code: string, cat: Open311Catalogue): string | null {
  const c = cat.categories.find((k) => k.code === code);
  if (!c) return null;
  const limit = timeLimit(c);
  return `已受理：${departmentName(cat, c.department) ?? c.department}，处理时限 ${limit.zh} (accepted; handled within ${limit.en})`;
}
