import { canonicalJson } from '../audit/audit-chain.js';

/** `{before, after}` of an audited change: the changed fields only. */
export type FieldChanges = {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** The fields among `fields` whose value differs (compared as JSON), or null when none does. */
export function changedFields<T extends object, K extends keyof T & string>(before: T, after: Pick<T, K>, fields: readonly K[]): FieldChanges | null {
  const changed = fields.filter((f) => canonicalJson(before[f]) !== canonicalJson(after[f]));
  if (!changed.length) return null;
  return { before: Object.fromEntries(changed.map((f) => [f, before[f]])), after: Object.fromEntries(changed.map((f) => [f, after[f]])) };
}
