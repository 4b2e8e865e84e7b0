import { useI18n } from 'vue-i18n';
import type { Alert } from '../../../../shared/schemas/alert.js';
import { useReferenceStore } from '../../stores/reference.js';
import { senderName } from './alerts.js';

/** Something with a Chinese name and maybe an English one (districts, stations, categories). */
interface Named {
  name: string;
  nameEn?: string;
}

/** The name to show in a language: the English one when there is one and English is on. */
export function localName(item: Named, locale: string): string {
  return locale.startsWith('en') && item.nameEn ? item.nameEn : item.name;
}

/**
 * Names of the city's districts, stations, alert senders and case categories from the reference data, in
 * the current language; an id the reference data does not know reads as an i18n fallback.
 */
export function useNames() {
  const reference = useReferenceStore();
  const { locale, t } = useI18n();
  return {
    district(adcode: string | null): string {
      const d = reference.city?.manifest.districts.find((x) => x.adcode === adcode);
      return d ? localName(d, locale.value) : t('widgets.common.unknownDistrict');
    },
    station(id: string): string {
      return reference.city?.stations.find((s) => s.id === id)?.name ?? id;
    },
    /** The human name of an alert's sender (never a raw id where the pack or the message names it). */
    sender(a: Pick<Alert, 'sender' | 'senderName'>): string {
      return senderName(a, reference.city?.senders, locale.value);
    },
    /** A department of the pack (response plans name them by id). */
    department(id: string): string {
      const d = reference.city?.departments.find((x) => x.id === id);
      return d ? localName(d, locale.value) : id;
    },
    category(code: string): string {
      const c = reference.city?.categories.find((x) => x.code === code);
      return c ? localName(c, locale.value) : t('widgets.common.otherCategory', { code });
    },
  };
}
