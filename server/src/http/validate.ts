import { z } from 'zod';
import { validationError } from '../errors.js';

/** Parses a request part with a zod schema, or throws a 422 naming the offending fields. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string[] = []): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, prefix);
  return r.data;
}

/** A comma-separated query list (`status=open,closed`) as an array; undefined when absent. */
export function csv(value: unknown): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Unicode format characters (zero-width space, joiners, BOM, bidi marks), separators and controls. */
const INVISIBLE = /[\p{Cf}\p{Z}\p{Cc}\s\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Free text a person must actually write (a comment): trimmed, `max` characters at most, and
 * with at least one visible character — zero-width spaces or blanks alone are refused.
 */
export function visibleText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => s.replace(INVISIBLE, '').length > 0, { message: 'must contain visible text, not only blanks or invisible characters' });
}
