import type { Bilingual, ColumnKind, ReportSection, ReportTable } from '../../../../../shared/contracts/handover.js';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/warning.js';
import type { Queryable } from '../../../store/db.js';

/** The shift a report covers and whose cases and alerts it may read. */
export interface SectionWindow {
  from: string;
  to: string;
  /** The reader's districts (null: the whole city), as every read is scoped. */
  districts: string[] | null;
  /** The city's districts by adcode, in both languages (a district column's labels). */
  places: Record<string, Bilingual>;
  /** The city pack's resources by id: their names (a dispatch row's resource column). */
  resources: Record<string, string>;
}

/** What a section's read gets: the window and the database (or the transaction). */
export interface SectionContext extends SectionWindow {
  q: Queryable;
}

/**
 * One section of the handover report: `read` fetches what it needs, `build` (pure, unit-tested
 * against hand-built data) turns it into the stored figures and tables.
 */
export interface HandoverSection<T> {
  id: string;
  read(ctx: SectionContext): Promise<T>;
  build(data: T, window: SectionWindow): ReportSection;
}

/** A section as the registry runs it, whatever its data. */
export interface SectionBuilder {
  id: string;
  run(ctx: SectionContext): Promise<ReportSection>;
}

/** Wraps a section for the registry (sections/index.ts). */
export function defineSection<T>(s: HandoverSection<T>): SectionBuilder & HandoverSection<T> {
  return { ...s, run: async (ctx) => s.build(await s.read(ctx), ctx) };
}

/** A column of a report table. */
export type Column = ReportTable['columns'][number];
export const col = (key: string, kind: ColumnKind, zh: string, en: string, labels?: Record<string, Bilingual>): Column => ({ key, kind, zh, en, ...(labels ? { labels } : {}) });

/** The warning levels as a label column's labels (红色 / Red). */
export const LEVEL_LABELS: Record<string, Bilingual> = Object.fromEntries(
  (Object.keys(WARNING_LEVELS) as WarningLevel[]).map((l) => [l, { zh: WARNING_LEVELS[l].colorZh, en: l[0]!.toUpperCase() + l.slice(1) }]),
);

/**
 * The real rows as one table and, when there are any, the drill rows apart (演练), so exercise
 * data is never mistaken for real data.
 */
export function splitTables<R extends { exercise: boolean }>(key: string, title: Bilingual, columns: Column[], rows: readonly R[], cells: (r: R) => ReportTable['rows'][number]): ReportTable[] {
  const real = rows.filter((r) => !r.exercise);
  const drill = rows.filter((r) => r.exercise);
  const tables: ReportTable[] = [{ key, title, drill: false, columns, rows: real.map(cells) }];
  if (drill.length) tables.push({ key: `${key}.drill`, title: { zh: `${title.zh}（演练）`, en: `${title.en} (drill)` }, drill: true, columns, rows: drill.map(cells) });
  return tables;
}

/** Minutes between two instants, rounded; null when either is missing. */
export function minutesBetween(from: string | null, to: string | null): number | null {
  return from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 60_000) : null;
}

/** `$n` filter of a district-scoped read: alerts touching, or cases in, the reader's districts. */
export const ALERT_SCOPE = (n: number) => `($${n}::text[] is null or a.districts && $${n}::text[])`;
export const CASE_SCOPE = (n: number) => `($${n}::text[] is null or c.district = any($${n}::text[]))`;
