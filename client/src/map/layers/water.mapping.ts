import { WATER_CLASSES, waterClassRank, type WaterClass } from '../../../../shared/domain/water.js';
import type { Observation } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { inkOn, NO_DATA_COLOR, WATER_CLASS_COLORS } from '../palette.js';
import type { MapFormat } from '../format.js';
import type { DetailField, FeatureDetails, LegendItem } from './types.js';
import { noReading } from './no-reading.js';
import type { MapFeature } from '../../model/geo/source-differ.js';
import type { StationProps } from './air.mapping.js';

/** The display colour of a GB 3838 class, grey without one. */
export function waterColor(c: WaterClass | undefined): string {
  return c ? WATER_CLASS_COLORS[c] : NO_DATA_COLOR;
}

/** A water section coloured by the class of its latest reading, with the class written on it. */
export function waterFeature(s: Station, o: Observation | undefined): MapFeature<StationProps> {
  const c = o?.assessment.waterClass;
  const color = waterColor(c);
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [s.location.lon, s.location.lat] },
    properties: { id: s.id, color, label: c ?? '', ink: inkOn(color) },
  };
}

/** Items worth showing in the popup, mg/L (pH unitless). */
const ITEMS: Array<[key: string, label: string, unit: string]> = [
  ['ph', 'pH', ''],
  ['do', 'DO', 'mg/L'],
  ['codmn', 'CODMn', 'mg/L'],
  ['nh3n', 'NH₃-N', 'mg/L'],
  ['tp', 'TP', 'mg/L'],
  ['tn', 'TN', 'mg/L'],
];

/**
 * The popup of a water section: class of the latest reading against the section's target; a
 * lake or reservoir also shows its TN class beside it (GB 3838 grades TN there only, on its own),
 * a river never shows TN. Without a reading, since when there has been none.
 */
export function waterDetails(s: Station, o: Observation | undefined, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  const c = o?.assessment.waterClass;
  const classText = (x: WaterClass | undefined) => (x ? t('map.waterClass', { c: x }) : t('map.values.none'));
  if (!o) {
    return {
      title: s.name,
      color: waterColor(undefined),
      fields: [{ label: t('map.fields.district'), value: fmt.districtName(s.district) }, { label: t('map.fields.targetClass'), value: classText(s.targetClass) }, noReading(fmt)],
    };
  }
  const misses = c !== undefined && s.targetClass !== undefined && waterClassRank(c) > waterClassRank(s.targetClass);
  const lake = s.waterBody === 'lake' || s.waterBody === 'reservoir';
  const shown = ITEMS.filter(([k]) => o?.values[k] !== undefined && (k !== 'tn' || lake));
  const readings: DetailField[] = shown.map(([k, label, unit]) => ({
    label,
    value: `${fmt.number(o.values[k], 2)}${unit ? ` ${unit}` : ''}`,
  }));
  return {
    title: s.name,
    color: waterColor(c),
    fields: [
      { label: t('map.fields.district'), value: fmt.districtName(s.district) },
      { label: t('map.fields.observedAt'), value: fmt.dateTime(o?.observedAt) },
      ...(s.waterBody ? [{ label: t('map.fields.waterBody'), value: t(`map.waterBody.${s.waterBody}`) }] : []),
      { label: t('map.fields.waterClass'), value: classText(c), alert: misses },
      ...(lake ? [{ label: t('map.fields.tnClass'), value: classText(o?.assessment.tnClass) }] : []),
      { label: t('map.fields.targetClass'), value: classText(s.targetClass) },
      ...readings,
    ],
  };
}

/** The six classes and "no data". */
export function waterLegend(fmt: MapFormat): LegendItem[] {
  return [
    ...WATER_CLASSES.map((c) => ({ label: fmt.t('map.waterClass', { c }), color: WATER_CLASS_COLORS[c], shape: 'circle' as const })),
    { label: fmt.t('map.legend.noData'), color: NO_DATA_COLOR, shape: 'circle' },
  ];
}
