import { AQI_CATEGORIES } from '../../../../shared/domain/aqi-breakpoints.js';
import { POLLUTANT_LABELS, POLLUTANTS, type Pollutant } from '../../../../shared/domain/aqi.js';
import type { Observation } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { inkOn, NO_DATA_COLOR } from '../palette.js';
import type { MapFormat } from '../format.js';
import type { DetailField, FeatureDetails, LegendItem } from './types.js';
import { noReading } from './no-reading.js';
import type { MapFeature } from '../../model/geo/source-differ.js';

/** A station dot: its fill, the number written on it and the ink that reads on that fill. */
export interface StationProps {
  id: string;
  color: string;
  label: string;
  ink: string;
  [key: string]: string | number | boolean | null;
}

/** The display colour of an AQI category (1 优 … 6 严重污染), grey without one. */
export function aqiColor(category: number | null | undefined): string {
  return (category && AQI_CATEGORIES[category - 1]?.color) || NO_DATA_COLOR;
}

/** An air station coloured by the AQI category of its latest reading, with the AQI written on it. */
export function airFeature(s: Station, o: Observation | undefined): MapFeature<StationProps> {
  const color = aqiColor(o?.assessment.category);
  const aqi = o?.assessment.aqi;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
    properties: { id: s.id, color, label: aqi === undefined ? '' : String(aqi), ink: inkOn(color) },
  };
}

const UNIT: Record<Pollutant, string> = { so2: 'μg/m³', no2: 'μg/m³', pm10: 'μg/m³', co: 'mg/m³', o3: 'μg/m³', pm25: 'μg/m³' };

/** The popup of an air station: its latest reading, AQI, category and primary pollutant; without one, since when there has been none. */
export function airDetails(s: Station, o: Observation | undefined, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  if (!o) return { title: s.name, color: aqiColor(undefined), fields: [{ label: t('map.fields.district'), value: fmt.districtName(s.district) }, noReading(fmt)] };
  const a = o.assessment;
  const category = a?.category ? AQI_CATEGORIES[a.category - 1] : undefined;
  const readings: DetailField[] = POLLUTANTS.filter((p) => o.values[p] !== undefined).map((p) => ({
    label: POLLUTANT_LABELS[p],
    value: `${fmt.number(o.values[p], p === 'co' ? 1 : 0)} ${UNIT[p]}`,
  }));
  return {
    title: s.name,
    color: aqiColor(a.category),
    fields: [
      { label: t('map.fields.district'), value: fmt.districtName(s.district) },
      { label: t('map.fields.observedAt'), value: fmt.dateTime(o.observedAt) },
      { label: t('map.fields.aqi'), value: fmt.number(a.aqi) },
      { label: t('map.fields.aqiCategory'), value: category ? fmt.name(category) : t('map.values.none'), alert: (a.category ?? 0) >= 4 },
      { label: t('map.fields.primary'), value: a.primaryPollutants?.length ? a.primaryPollutants.map((p) => POLLUTANT_LABELS[p as Pollutant] ?? p).join('、') : t('map.values.none') },
      ...readings,
    ],
  };
}

/** The six AQI categories and "no data". */
export function airLegend(fmt: MapFormat): LegendItem[] {
  return [...AQI_CATEGORIES.map((c) => ({ label: fmt.name(c), color: c.color, shape: 'circle' as const })), { label: fmt.t('map.legend.noData'), color: NO_DATA_COLOR, shape: 'circle' }];
}
