import { AppError, type ErrorIssue } from './errors.js';

/*
 * Text that no store can hold, checked at every boundary: HTTP requests (http/text-guard.ts)
 * and MQTT payloads (ingest/mqtt-message.ts). Layer-neutral so that ingest need not import
 * the HTTP layer.
 */

// U+0000 cannot be stored in PostgreSQL text; an unpaired surrogate is not Unicode at all
// and breaks every encoder after it (UTF-8, XML, the database driver).
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Nesting beyond this is refused rather than walked (no real payload comes close). */
const MAX_DEPTH = 64;

/** Either of them, or a surrogate of a valid pair: one test that nearly all text passes. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

function problem(s: string): string | null {
  if (!SUSPECT.test(s)) return null;
  if (NUL.test(s)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must not contain an unpaired UTF-16 surrogate';
  return null;
}

const pathText = (p: readonly (string | number)[]): string => p.map(String).join('.') || '(root)';

/**
 * The first string in `value` (keys included, at any depth) that cannot be stored as text,
 * as an issue naming its path (`0.title`, `service_code`), or null when all text is clean.
 * Walks with one path stack: every ingest request passes here, item by item.
 */
export function findBadText(value: unknown, path: (string | number)[] = []): ErrorIssue | null {
  if (typeof value === 'string') {
    const message = problem(value);
    return message ? { path: pathText(path), message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (path.length >= MAX_DEPTH) return { path: pathText(path), message: `nested deeper than ${MAX_DEPTH} levels` };
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const keyProblem = problem(key);
    if (keyProblem) return { path: pathText([...path, key.replace(new RegExp(SUSPECT.source, 'g'), '\uFFFD')]), message: `field name ${keyProblem}` };
    path.push(isArray ? Number(key) : key);
    const found = findBadText((value as Record<string, unknown>)[key], path);
    path.pop();
    if (found) return found;
  }
  return null;
}

/** Throws AppError 400 `invalid_text` naming the field when `value` holds text that cannot be stored. */
export function assertCleanText(value: unknown, path: (string | number)[] = []): void {
  const issue = findBadText(value, path);
  if (issue) throw new AppError(400, 'invalid_text', `Invalid text in ${issue.path}: ${issue.message}`, [issue]);
}
