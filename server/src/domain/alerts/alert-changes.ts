import { alertPointCount, type AlertChange } from '../../../../shared/schemas/alert.js';
import type { AlertRecord } from './alerts.repository.js';

/** The fields of an alert an Update may change, in the order a reader looks for them. */
const FIELDS = ['level', 'event', 'category', 'headline', 'description', 'instruction', 'urgency', 'certainty', 'effective', 'expires', 'districts', 'areas'] as const;

/** Areas as a history shows them: names and size, never the geometry. */
function summary(r: Pick<AlertRecord, 'areas'>) {
  return { names: r.areas.map((a) => a.areaDesc), points: alertPointCount(r.areas) };
}

/** What an Update changed, field by field; a changed geometry shows as its summary. */
export function alertChanges(before: AlertRecord, after: AlertRecord): AlertChange[] {
  return FIELDS.flatMap((field): AlertChange[] => {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) return [];
    if (field === 'areas') return [{ field, from: summary(before), to: summary(after) }];
    return [{ field, from: before[field], to: after[field] }];
  });
}
