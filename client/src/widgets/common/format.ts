import { useI18n } from 'vue-i18n';
import { chinaHour } from '../../../../shared/domain/time.js';
import { HOUR_MS } from '../../model/aggregates/hourly-window.js';

const cache = new Map<string, Intl.NumberFormat>();

/** A cached number format for a locale and options (creating one per render is costly). */
function numberFormat(locale: string, digits: number, style: 'decimal' | 'percent', signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${digits}|${style}|${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' });
    cache.set(key, f);
  }
  return f;
}

/** Formats numbers for the current language; a missing value reads as the i18n dash. */
export interface Formatter {
  /** A number with a fixed count of decimals (default 0). */
  num(n: number | null | undefined, digits?: number): string;
  /** A fraction as a percentage: 0.053 → 5.3%. */
  percent(frac: number | null | undefined, digits?: number): string;
  /** A signed growth rate: 0.053 → +5.3%. */
  growth(frac: number | null | undefined, digits?: number): string;
  /** An epoch hour as its China clock label, e.g. 09:00. */
  hour(epochHour: number): string;
}

/** {@link Formatter} following the i18n locale. */
export function useFormat(): Formatter {
  const { locale, t } = useI18n();
  const none = () => t('widgets.common.none');
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  return {
    num: (n, digits = 0) => (ok(n) ? numberFormat(locale.value, digits, 'decimal', false).format(n) : none()),
    percent: (f, digits = 1) => (ok(f) ? numberFormat(locale.value, digits, 'percent', false).format(f) : none()),
    growth: (f, digits = 1) => (ok(f) ? numberFormat(locale.value, digits, 'percent', true).format(f) : none()),
    hour: (h) => `${String(chinaHour(h * HOUR_MS)).padStart(2, '0')}:00`,
  };
}
