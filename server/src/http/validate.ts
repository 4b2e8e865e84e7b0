import type { z } from 'zod';
import { validationError } from './errors.js';

/** Parses a request part with a zod schema, or throws a 422 naming the offending fields. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string[] = []): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, prefix);
  return r.data;
}

/** A comma-separated query list (`status=open,closed`) as an array; undefined when absent. */
export function csv(value: unknown): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return String(value).split(',').map((s) => s.trim()).filter(Boolean);
}
