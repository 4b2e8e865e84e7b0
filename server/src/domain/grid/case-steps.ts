import type { CaseStatus } from '../../../../shared/schemas/grid-event.js';
import type { CaseCategory } from '../../../../shared/schemas/city-pack.js';
import { deadlineAt } from '../../../../shared/domain/lifecycle.js';
import type { WorkCalendar } from '../../../../shared/domain/work-calendar.js';
import type { CaseRecord } from './cases.repository.js';

/** What a deadline is counted from: the categories (hours and clock) and the city's working calendar. */
export interface DeadlineRules {
  categories: Map<string, CaseCategory>;
  /** city.json `calendar`; absent when every category counts natural hours. */
  calendar?: WorkCalendar;
}

/**
 * Moves `rec` to `status` at `at`, setting the clock fields the workflow defines: dispatch
 * names the department (given, kept, or the category's) and starts the deadline clock (the
 * category's hours, natural or working as it says);
 * closing stamps the closure. Ingest and a person's action share it, so both clocks agree.
 */
export function enterStatus(rec: CaseRecord, status: CaseStatus, at: string, rules: DeadlineRules, department?: string): void {
  rec.status = status;
  if (status === 'dispatched') {
    const category = rules.categories.get(rec.category);
    rec.department = department ?? rec.department ?? category?.department ?? null;
    rec.dispatchedAt = at;
    rec.deadlineAt = category ? deadlineAt(at, category, rules.calendar).toISOString() : null;
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
