import { ageParts } from '../freshness/freshness.js';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * "2026-12-06 23:07:41": an instant in China time, where the city is, whatever the browser's
 * zone; one layout in both languages, since an operator compares times down a column.
 */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "5 分钟" / "5 min": how long `ms` is, in its largest whole unit. */
export function formatAge(ms: number, t: Translate): string {
  const { n, unit } = ageParts(Math.max(0, ms));
  return t(`freshness.age.${unit}`, { n });
}
