import type { EvaluationRow } from '../../../shared/contracts/evaluation.js';

/** A `YYYY-MM-DD` day as a report writes it: 2026年11月30日 in Chinese, the ISO day in English. */
export function reportDate(day: string, zh: boolean): string {
  const [y, m, d] = day.split('-');
  return zh ? `${y}年${Number(m)}月${Number(d)}日` : day;
}

/** The period as a report names it: 2026年11月 / 2026年第4季度 / 2026年度 in Chinese, the code in English; days for custom. */
export function reportPeriod(period: string | null, days: { first: string; last: string }, zh: boolean): string {
  const m = period ? /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(period) : null;
  if (!m) return zh ? `${reportDate(days.first, true)}至${reportDate(days.last, true)}` : `${days.first} to ${days.last}`;
  if (!zh) return period!;
  if (m[2]) return `${m[1]}年${Number(m[2])}月`;
  if (m[3]) return `${m[1]}年第${m[3]}季度`;
  return `${m[1]}年度`;
}

/** The best and the worst of a ranking (by rank; null when there are fewer than two rows to compare). */
export function bestAndWorst(rows: readonly EvaluationRow[]): { best: EvaluationRow; worst: EvaluationRow } | null {
  if (rows.length < 2) return null;
  const sorted = [...rows].sort((a, b) => a.rank - b.rank || b.score - a.score);
  return { best: sorted[0]!, worst: sorted.at(-1)! };
}
