import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { createMapFormat, type MapFormat, type NameSource } from '../../map/format.js';
import { useReferenceStore } from '../../stores/reference.js';

/** Until the city's reference data has loaded, names show as their codes. */
const NO_NAMES: NameSource = { manifest: { districts: [] }, categories: [], departments: [], senders: [] };

/** The desk's formatter: the map's (names of districts, categories, departments; China time), in the current language. */
export function useDeskFormat(): ComputedRef<MapFormat> {
  const { t, te, locale } = useI18n();
  const reference = useReferenceStore();
  return computed(() => {
    const lang = locale.value; // a new language builds a new formatter, so templates re-render
    return createMapFormat(
      t,
      (k) => te(k),
      () => lang,
      reference.city ?? NO_NAMES,
    );
  });
}
