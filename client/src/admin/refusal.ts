import { ApiError } from '../services/api.js';

/** A refused request as a form shows it: a message next to each field the server named, and one for the whole form. */
export interface Refusal {
  /** The HTTP status; null for a request that never got an answer (or a check made here). */
  status: number | null;
  fields: Record<string, string>;
  form: string;
}

/** The request parts a server path may start with (`body.districts`), which name no field. */
const PARTS = new Set(['body', 'query', 'params']);

/** The form field an issue's path names: `districts.0` and `body.districts` both mark the districts. */
export function fieldOf(path: string): string {
  const segments = path.split('.');
  return (PARTS.has(segments[0]!) && segments.length > 1 ? segments[1] : segments[0]) ?? '';
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * Reads an error of the admin API for a form: a 422's `issues` go next to their fields (see
 * {@link fieldOf}), a 409 says what conflicted
 * (a taken username, an admin disabling itself) in the server's words.
 */
export function refusalOf(err: unknown, t: Translate): Refusal {
  if (!(err instanceof ApiError)) return { status: null, fields: {}, form: t('admin.errors.unreachable') };
  const fields: Record<string, string> = {};
  for (const issue of err.issues) fields[fieldOf(issue.path)] ??= issue.message;
  const form = (() => {
    if (err.status === 422 && Object.keys(fields).length) return t('admin.errors.invalid');
    if (err.status === 409) return t('admin.errors.conflict', { message: err.message });
    if (err.status === 403) return t('admin.errors.forbidden');
    if (err.status === 404) return t('admin.errors.notFound');
    return t('admin.errors.failed', { code: err.code, message: err.message });
  })();
  return { status: err.status, fields, form };
}
