import { parse, CsvError } from 'csv-parse/sync';
import { CHINA_OFFSET_MS } from '../../../../shared/domain/time.js';
import { shiftInput, type ShiftInput } from '../../../../shared/schemas/roster.js';
import type { ErrorIssue } from '../../errors.js';

/**
 * The roster's CSV columns (docs/API.md → Duty roster): the header row may use the Chinese or the
 * English names. Several duty officers and their phones are separated by `;` (or `；`, `、`).
 */
export const ROSTER_COLUMNS = [
  { key: 'startsAt', zh: '开始时间', en: 'startsAt' },
  { key: 'endsAt', zh: '结束时间', en: 'endsAt' },
  { key: 'leader', zh: '带班领导', en: 'leader' },
  { key: 'leaderPhone', zh: '带班领导电话', en: 'leaderPhone' },
  { key: 'officers', zh: '值班员', en: 'officers' },
  { key: 'officerPhones', zh: '值班员电话', en: 'officerPhones' },
  { key: 'note', zh: '备注', en: 'note' },
] as const;
type ColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

/** The most rows one import may hold (a year of three shifts a day). */
export const MAX_ROSTER_ROWS = 1200;

/** A shift read from line `line` of the file. */
export interface RosterRow {
  line: number;
  shift: ShiftInput;
}

/** `2026-12-07 08:30` (or `2026/12/7 8:30`, seconds optional) on the Beijing wall clock, or ISO 8601 with an offset. */
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** A local Asia/Shanghai date-time as an ISO instant, or null when it is not one. */
export function chinaLocalToIso(text: string): string | null {
  const s = text.trim();
  const m = LOCAL.exec(s);
  if (!m) return /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(wall);
  // 2026-02-30 rolls over in Date.UTC: refuse it instead.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23) return null;
  return new Date(wall - CHINA_OFFSET_MS).toISOString();
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(/[;；、]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The roster's CSV template: the header row in Chinese and one example row. */
export function rosterTemplate(): string {
  return `\uFEFF${ROSTER_COLUMNS.map((c) => c.zh).join(',')}\r\n2026-12-08 08:30,2026-12-08 17:30,leader,0662-3330001,duty;张伟,0662-3330002;13800000000,白班\r\n`;
}

/**
 * Reads a roster CSV into shifts, or the problems of every bad line (`lines.<n>.<field>`, `n`
 * the line of the file, 1 the header), shifts that overlap within the file included. Nothing is
 * stored here: the service stores all rows or none.
 */
export function parseRosterCsv(text: string): { rows: RosterRow[]; issues: ErrorIssue[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const line = err instanceof CsvError ? ((err as CsvError & { lines?: number }).lines ?? 1) : 1;
    return { rows: [], issues: [{ path: `lines.${line}`, message: err instanceof Error ? err.message : 'not a CSV file' }] };
  }
  const [header, ...body] = records;
  const index = new Map<ColumnKey, number>();
  (header ?? []).forEach((name, i) => {
    const col = ROSTER_COLUMNS.find((c) => c.zh === name || c.en === name);
    if (col) index.set(col.key, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => ['startsAt', 'endsAt', 'leader', 'officers'].includes(c.key) && !index.has(c.key));
  if (missing.length) return { rows: [], issues: missing.map((c) => ({ path: `lines.1.${c.key}`, message: `the header has no column ${c.zh} (${c.en})` })) };
  if (body.length > MAX_ROSTER_ROWS) return { rows: [], issues: [{ path: 'lines', message: `at most ${MAX_ROSTER_ROWS} shifts per file` }] };

  const issues: ErrorIssue[] = [];
  const rows: RosterRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (k: ColumnKey) => (index.has(k) ? (cells[index.get(k)!] ?? '') : '');
    const when = (k: 'startsAt' | 'endsAt') => {
      const v = chinaLocalToIso(cell(k));
      if (!v) issues.push({ path: `lines.${line}.${k}`, message: `'${cell(k)}' is not a date and time like 2026-12-08 08:30 (Beijing time)` });
      return v;
    };
    const startsAt = when('startsAt');
    const endsAt = when('endsAt');
    if (!startsAt || !endsAt) return;
    const phones = list(cell('officerPhones'));
    const candidate = {
      startsAt,
      endsAt,
      leader: { name: cell('leader'), phone: cell('leaderPhone') || undefined },
      officers: list(cell('officers')).map((name, k) => ({ name, phone: phones[k] })),
      note: cell('note') || undefined,
    };
    const r = shiftInput.safeParse(candidate);
    if (!r.success) {
      for (const issue of r.error.issues) issues.push({ path: `lines.${line}.${String(issue.path[0] ?? '')}`, message: issue.message });
      return;
    }
    rows.push({ line, shift: r.data });
  });
  for (const [a, b] of overlappingPairs(rows)) issues.push({ path: `lines.${b.line}.startsAt`, message: `overlaps the shift of line ${a.line}` });
  // In the order of the file, as a person fixes it.
  const lineOf = (i: ErrorIssue) => Number(i.path.split('.')[1]);
  return { rows: issues.length ? [] : rows, issues: issues.sort((x, y) => lineOf(x) - lineOf(y)) };
}

/** Pairs of rows whose windows overlap (earlier row first). */
export function overlappingPairs(rows: readonly RosterRow[]): Array<[RosterRow, RosterRow]> {
  const sorted = [...rows].sort((x, y) => x.shift.startsAt.localeCompare(y.shift.startsAt));
  const pairs: Array<[RosterRow, RosterRow]> = [];
  let latest: RosterRow | null = null;
  for (const row of sorted) {
    if (latest && row.shift.startsAt < latest.shift.endsAt) pairs.push([latest, row]);
    if (!latest || row.shift.endsAt > latest.shift.endsAt) latest = row;
  }
  return pairs;
}
