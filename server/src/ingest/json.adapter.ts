import { z } from 'zod';
import { gridEventInput, type GridEventInput } from '../../../shared/schemas/grid-event.js';
import { alertInput, type AlertParsed } from '../../../shared/schemas/alert.js';
import { observationInput, type ObservationInput } from '../../../shared/schemas/observation.js';
import { indicatorInput, type IndicatorInput } from '../../../shared/schemas/indicator.js';
import { AppError, zodIssues } from '../errors.js';

/** Most items one request may carry; larger loads are split by the sender. */
export const MAX_ITEMS = 10_000;

/** Issues listed in one 422; the count of the rest is given in the message. */
export const MAX_ISSUES = 100;

/** 413 for a request with more items than one transaction should hold. */
export function tooManyItems(count: number, max = MAX_ITEMS): AppError {
  return new AppError(413, 'too_many_items', `${count} items in one request; at most ${max} are accepted, split the load into several requests`);
}

/** 422 with the issues capped, so a broken 10,000-item batch still gets a readable answer. */
export function invalidItems(issues: { path: string; message: string }[]): AppError {
  const first = issues[0];
  const more = issues.length > MAX_ISSUES ? ` (${issues.length} issues, the first ${MAX_ISSUES} listed)` : '';
  return new AppError(422, 'validation_failed', `Invalid input: ${first?.path}: ${first?.message}${more}`, issues.slice(0, MAX_ISSUES));
}

/**
 * Validates a list item by item; issue paths start with the item's index (`3.location.lat`),
 * after `prefix` when the list sits inside an envelope (`observations.3.values.pm25`).
 */
export function parseList<S extends z.ZodType>(schema: S, items: unknown[], prefix: (string | number)[] = [], max = MAX_ITEMS): z.infer<S>[] {
  if (items.length === 0) {
    throw new AppError(422, 'validation_failed', 'Empty list: send at least one item', [{ path: prefix.join('.') || '(root)', message: 'must contain at least one item' }]);
  }
  if (items.length > max) throw tooManyItems(items.length, max);
  const result = z.array(schema).safeParse(items);
  if (!result.success) throw invalidItems(zodIssues(result.error, prefix));
  return result.data;
}

/** One object or an array of them → validated array. Item paths are indexed either way. */
function oneOrMany<S extends z.ZodType>(schema: S, body: unknown, max: number): z.infer<S>[] {
  if (Array.isArray(body)) return parseList(schema, body, [], max);
  if (body !== null && typeof body === 'object') return parseList(schema, [body], [], max);
  throw new AppError(422, 'validation_failed', 'Expected a JSON object or an array of objects', [{ path: '(root)', message: 'must be an object or an array' }]);
}

/** `POST /api/v1/ingest/grid-events` body: one event or an array. */
export function parseGridEvents(body: unknown, max = MAX_ITEMS): GridEventInput[] {
  return oneOrMany(gridEventInput, body, max);
}

/** `POST /api/v1/ingest/alerts` body: one alert or an array. */
export function parseAlerts(body: unknown, max = MAX_ITEMS): AlertParsed[] {
  return oneOrMany(alertInput, body, max);
}

/** `POST /api/v1/ingest/indicators` JSON body: one indicator or an array. */
export function parseIndicators(body: unknown, max = MAX_ITEMS): IndicatorInput[] {
  return oneOrMany(indicatorInput, body, max);
}

/** `POST /api/v1/ingest/observations` body: an array or `{"observations": [...]}`. */
export function parseObservations(body: unknown, max = MAX_ITEMS): ObservationInput[] {
  if (Array.isArray(body)) return parseList(observationInput, body, [], max);
  if (body !== null && typeof body === 'object' && 'observations' in body && Array.isArray(body.observations)) {
    return parseList(observationInput, body.observations, ['observations'], max);
  }
  throw new AppError(422, 'validation_failed', 'Expected an array of observations or {"observations": [...]}', [
    { path: typeof body === 'object' && body !== null ? 'observations' : '(root)', message: 'must be an array of observations' },
  ]);
}
