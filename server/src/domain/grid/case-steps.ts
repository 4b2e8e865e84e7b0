import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import type { CaseCategory } from '../../../../shared/schemas/city-pack.js';
import { deadlineAt } from '../../../../shared/domain/lifecycle.js';
import type { CaseRecord } from './cases.repository.js';

/**
 * Moves `rec` to `status` at `at`, setting the clock fields the workflow defines: dispatch
 * names the department (given, kept, or the category's) and starts the deadline clock;
 * closing stamps the closure. Ingest and a person's action share it, so both clocks agree.
 */
export function enterStatus(rec: CaseRecord, status: CaseStatus, at: string, categories: Map<string, CaseCategory>, department?: string): void {
  rec.status = status;
  if (status === 'dispatched') {
    const category = categories.get(rec.category);
    rec.department = department ?? rec.department ?? category?.department ?? null;
    rec.dispatchedAt = at;
    rec.deadlineAt = category ? deadlineAt(at, category.deadlineHours).toISOString() : null;
  }
  if (status === 'closed') rec.closedAt = at;
}

/** The fields of a case that differ between two states of it, for the audit log (`before`, `after`). */
export function changedFields(before: CaseRecord, after: CaseRecord): { before: Partial<CaseRecord>; after: Partial<CaseRecord> } {
  const was: Partial<CaseRecord> = {};
  const now: Partial<CaseRecord> = {};
  for (const key of Object.keys(after) as (keyof CaseRecord)[]) {
    if (key === 'updatedAt' || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    Object.assign(was, { [key]: before[key] });
    Object.assign(now, { [key]: after[key] });
  }
  return { before: was, after: now };
}
