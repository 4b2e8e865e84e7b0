import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import turfBbox from '@turf/bbox';
import type { CityReference } from '../stores/reference.js';
import { useReferenceStore } from '../stores/reference.js';
import { useSessionStore } from '../stores/session.js';

/**
 * The districts a viewer is scoped to, among the city's: `null` for a city-wide role (and for a
 * scoped account whose districts the city does not know, which the server answers with
 * nothing anyway).
 */
export function scopedDistricts(city: CityReference | null, own: readonly string[] | null | undefined): string[] | null {
  if (!city || !own || own.length === 0) return null;
  const known = new Set(city.manifest.districts.map((d) => d.adcode));
  const mine = own.filter((a) => known.has(a));
  return mine.length ? mine : null;
}

/** The districts' names in the language (`zh` or English), listed as the language lists them; an adcode the city does not know stays as it is. */
export function districtNames(city: CityReference | null, districts: readonly string[], zh: boolean): string {
  const known = city?.manifest.districts ?? [];
  return districts
    .map((a) => {
      const d = known.find((k) => k.adcode === a);
      return d ? (zh ? d.name : (d.nameEn ?? d.name)) : a;
    })
    .join(zh ? '、' : ', ');
}

/** "阳江市 · 江城区" / "Yangjiang · Jiangcheng": the city, then the viewer's districts if scoped. */
export function scopeTitle(city: CityReference, districts: readonly string[] | null, zh: boolean): string {
  const m = city.manifest;
  const cityName = zh ? m.name : m.nameEn;
  return districts ? `${cityName} · ${districtNames(city, districts, zh)}` : cityName;
}

/** The bounding box [w, s, e, n] of the viewer's districts (the whole city when not scoped). */
export function scopeBounds(city: CityReference, districts: readonly string[] | null): [number, number, number, number] {
  const features = districts ? city.districts.features.filter((f) => districts.includes(f.properties.adcode)) : city.districts.features;
  return turfBbox({ type: 'FeatureCollection', features }) as [number, number, number, number];
}

/**
 * What the signed-in viewer's screen is about: a grid administrator's wall is framed, titled
 * and filled with its districts, a leader's with the whole city.
 */
export function useViewerScope() {
  const session = useSessionStore();
  const reference = useReferenceStore();
  const { locale } = useI18n();
  const districts = computed(() => scopedDistricts(reference.city, session.user?.districts));
  return {
    districts,
    /** The region whose economic indicators a panel shows by default: the city, or the viewer's (first) district. */
    region: computed(() => (reference.city ? (districts.value?.[0] ?? reference.city.manifest.adcode) : null)),
    title: computed(() => (reference.city ? scopeTitle(reference.city, districts.value, locale.value === 'zh-CN') : null)),
    bounds: () => (reference.city ? scopeBounds(reference.city, districts.value) : null),
  };
}
