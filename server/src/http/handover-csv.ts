import type { Bilingual, HandoverReport, ReportTable } from '../../../shared/contracts/handover.js';
import { CHINA_OFFSET_MS } from '../../../shared/domain/time.js';
import { csvRow } from './csv-row.js';

/** An instant on the Beijing wall clock, `2026-12-07 08:30`, as the report is read in the centre. */
export function beijing(at: string | null): string {
  return at ? new Date(Date.parse(at) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';
}

const person = (p: { name: string; phone?: string }) => (p.phone ? `${p.name} ${p.phone}` : p.name);

/** A table cell as the CSV writes it: times in Beijing time, labelled codes in Chinese. */
function cell(column: ReportTable['columns'][number], value: string | number | null): string | number | null {
  if (value === null) return null;
  if (column.kind === 'time') return beijing(String(value));
  if (column.kind === 'label') return column.labels?.[String(value)]?.zh ?? value;
  return value;
}

/**
 * The report as a CSV document (UTF-8 with BOM, zh-CN and English headers): who and when, then
 * each section's figures and tables, drill tables marked 演练.
 */
export function handoverCsv(r: HandoverReport): string {
  const pair = (b: Bilingual) => `${b.zh} / ${b.en}`;
  let out = '\uFEFF';
  out += csvRow(['值班日报 / 交接班记录', 'Duty report / shift handover']);
  out += csvRow(['班次开始', 'Shift start', beijing(r.shift.startsAt)]);
  out += csvRow(['班次结束', 'Shift end', beijing(r.shift.endsAt)]);
  out += csvRow(['统计截至', 'Figures until', beijing(r.windowTo)]);
  out += csvRow(['带班领导', 'Shift leader', person(r.shift.leader)]);
  out += csvRow(['值班员', 'Duty officers', r.shift.officers.map(person).join('; ')]);
  out += csvRow(['演练', 'Drill', r.drills.map((d) => d.name).join('; ')]);
  out += csvRow(['交班人', 'Submitted by', r.submittedBy, beijing(r.submittedAt)]);
  out += csvRow(['接班人', 'Signed by', r.signedBy, beijing(r.signedAt)]);
  out += csvRow(['交班说明', 'Handover note', r.note]);
  out += csvRow(['接班意见', 'Sign-off comment', r.signComment]);
  for (const s of r.sections) {
    out += csvRow([]);
    out += csvRow([pair(s.title)]);
    for (const f of s.figures) out += csvRow([f.zh, f.en, f.value]);
    for (const t of s.tables) {
      out += csvRow([]);
      out += csvRow([pair(t.title), t.drill ? '演练 / drill' : '']);
      out += csvRow(t.columns.map((c) => c.zh));
      out += csvRow(t.columns.map((c) => c.en));
      for (const row of t.rows) out += csvRow(t.columns.map((c) => cell(c, row[c.key] ?? null)));
    }
  }
  return out;
}
