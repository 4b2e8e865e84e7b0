import type { CityReference } from '../stores/reference.js';
import type { Alert } from '../../../shared/schemas/alert.js';
import { senderName } from '../widgets/common/alerts.js';

/** Translation function of the `map.` namespace's caller (vue-i18n `t`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Formatting the layers use for labels, legends and details, in the current language. */
export interface MapFormat {
  t: Translate;
  /** Whether a message key exists (for open-ended keys such as material names). */
  has(key: string): boolean;
  /** 'zh-CN' or 'en'. */
  locale(): string;
  /** Date and time in China time (the city's clock, wherever the screen's browser is set). */
  dateTime(iso: string | null | undefined): string;
  number(n: number | null | undefined, maxDigits?: number): string;
  percent(ratio: number | null | undefined): string;
  /** A growth rate (fraction) signed, to one decimal: "+5.1%". */
  growth(ratio: number | null | undefined): string;
  /** The name of something that has a Chinese name and maybe an English one. */
  name(x: { name?: string; nameZh?: string; nameEn?: string }): string;
  districtName(adcode: string | null | undefined): string;
  categoryName(code: string): string;
  departmentName(id: string | null | undefined): string;
  /** An alert sender's human name (city pack, else CAP senderName, else the id). */
  senderName(a: Pick<Alert, 'sender' | 'senderName'>): string;
}

/** The reference data names come from (a page may format before the whole reference has loaded). */
export type NameSource = Pick<CityReference, 'categories' | 'departments' | 'senders'> & { manifest: Pick<CityReference['manifest'], 'districts'> };

/**
 * The date-and-time format per locale, built once: each `Intl.DateTimeFormat` is an ICU object
 * that takes far longer to build (and for the GC to free) than to format with, and a desk row
 * formats its report time on every render.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    dateTimeFormats.set(locale, f);
  }
  return f;
}

/** Builds the formatter over i18n's `t` and locale and the city's reference data. */
export function createMapFormat(t: Translate, has: (key: string) => boolean, locale: () => string, city: NameSource): MapFormat {
  const none = () => t('map.values.none');
  const districts = new Map(city.manifest.districts.map((d) => [d.adcode, d]));
  const categories = new Map(city.categories.map((c) => [c.code, c]));
  const departments = new Map(city.departments.map((d) => [d.id, d]));
  const name: MapFormat['name'] = (x) => (locale() === 'en' && x.nameEn ? x.nameEn : (x.nameZh ?? x.name ?? x.nameEn ?? ''));
  return {
    t,
    has,
    locale,
    dateTime(iso) {
      if (!iso) return none();
      return dateTimeFormat(locale()).format(new Date(iso));
    },
    number(n, maxDigits = 0) {
      return n === null || n === undefined ? none() : new Intl.NumberFormat(locale(), { maximumFractionDigits: maxDigits }).format(n);
    },
    percent(ratio) {
      return ratio === null || ratio === undefined ? none() : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
    },
    growth(ratio) {
      return ratio === null || ratio === undefined
        ? none()
        : new Intl.NumberFormat(locale(), { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
    },
    name,
    districtName(adcode) {
      const d = adcode ? districts.get(adcode) : undefined;
      return d ? name(d) : (adcode ?? none());
    },
    categoryName(code) {
      const c = categories.get(code);
      return c ? name(c) : code;
    },
    departmentName(id) {
      const d = id ? departments.get(id) : undefined;
      return d ? name(d) : (id ?? none());
    },
    senderName: (a) => senderName(a, city.senders, locale()),
  };
}
