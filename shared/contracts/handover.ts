import type { DutyShift } from '../schemas/roster.js';

/** A label in both languages of the cockpit (zh-CN first). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** How a column's cells read: ISO instants shown as times, minutes as durations, codes through the column's `labels`. */
export type ColumnKind = 'text' | 'time' | 'minutes' | 'number' | 'label';

/** One table of a report section; `drill` tables hold exercise data only (演练). */
export interface ReportTable {
  key: string;
  title: Bilingual;
  drill: boolean;
  columns: Array<{ key: string; kind: ColumnKind; labels?: Record<string, Bilingual> } & Bilingual>;
  rows: Array<Record<string, string | number | null>>;
}

/**
 * One section of a handover report as stored: it carries its own labels, so the desk, the print
 * page and the CSV render a section they have never seen (the sections are
 * server/src/domain/handover/sections/index.ts).
 */
export interface ReportSection {
  id: string;
  title: Bilingual;
  figures: Array<{ key: string; value: number } & Bilingual>;
  tables: ReportTable[];
}

/** The drill sessions that ran during the shift (the report says it was a drill). */
export interface ReportDrill {
  id: string;
  name: string;
  startedAt: string;
  endedAt: string | null;
}

/** A handover report (值班日报 / 交接班记录): a draft (`id` null) or a stored one. */
export interface HandoverReport {
  id: string | null;
  shift: DutyShift;
  windowFrom: string;
  windowTo: string;
  drills: ReportDrill[];
  sections: ReportSection[];
  note: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  signedBy: string | null;
  signedAt: string | null;
  signComment: string | null;
}

/** A row of `GET /api/v1/handovers`. */
export type HandoverSummary = Omit<HandoverReport, 'sections'>;
