import type { Db } from '../../store/db.js';
import { AppError } from '../../errors.js';
import type { CaseStatus, CaseTimelineEntry, GridCase } from '../../../../shared/schemas/grid-event.js';
import { inDistricts } from '../../../../shared/auth/districts.js';
import type { CaseFilter } from '../ports.js';
import { getCase, toGridCase } from './cases.repository.js';
import { getTimeline } from './case-timeline.repository.js';
import { countByStatus, relatedCases } from './case-list.repository.js';

/** One case as the desk's drawer shows it. */
export interface CaseDetail {
  case: GridCase;
  /** Its timeline; a master's includes its merged duplicates' entries, marked `fromCase`. */
  timeline: CaseTimelineEntry[];
  /** Possible duplicates: same unit grid and category, reported within 24 hours. */
  related: GridCase[];
}

/** The desk's reads beyond the plain list: one case with its timeline and related cases, counts per status. */
export function createCaseReads(deps: { db: Db; now: () => Date }) {
  return {
    /** The case if `districts` (null: the whole city) may see it; 404 otherwise, so its existence does not leak. */
    async detail(id: string, districts: string[] | null): Promise<CaseDetail> {
      const c = await getCase(deps.db, id);
      if (!c || !inDistricts(districts, [c.district])) throw new AppError(404, 'not_found', `case ${id} not found`);
      const [timeline, related] = await Promise.all([getTimeline(deps.db, c), relatedCases(deps.db, c, districts)]);
      const at = deps.now();
      return { case: toGridCase(c, at), timeline, related: related.map((r) => toGridCase(r, at)) };
    },

    /** Cases matching `filter` in each status, whatever statuses it asks for. */
    counts(filter: CaseFilter): Promise<Partial<Record<CaseStatus, number>>> {
      return countByStatus(deps.db, filter, deps.now());
    },
  };
}
