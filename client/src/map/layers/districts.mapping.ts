import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { AQI_CATEGORIES } from '../../../../shared/domain/aqi-breakpoints.js';
import type { DistrictFeatures } from '../../stores/reference.js';
import { choroplethScale, classRanges, colorFor, districtValues, type ChoroplethMetric, type ChoroplethScale } from '../choropleth.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';
import type { MapFeature } from './source-differ.js';

/** The district boundaries with `id` = adcode, the key of their feature-state. */
export function districtFeatures(d: DistrictFeatures): MapFeature<{ id: string; name: string }>[] {
  return d.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.adcode, name: f.properties.name } }));
}

/** What the choropleth draws now: the scale and, per district, its value and fill (null: no data). */
export interface ChoroplethState {
  scale: ChoroplethScale;
  districts: Map<string, { value: number | null; color: string | null }>;
}

/** The choropleth of a metric over the districts, from the vital signs in the KPI store. */
export function choroplethState(metric: ChoroplethMetric, adcodes: readonly string[], signs: Iterable<VitalSigns>): ChoroplethState {
  const values = districtValues(metric, signs);
  const scale = choroplethScale(metric, values.values());
  const districts = new Map(adcodes.map((a) => {
    const value = values.get(a) ?? null;
    return [a, { value, color: colorFor(scale, value) }] as const;
  }));
  return { scale, districts };
}

/** A metric's value as the legend and the labels write it. */
export function formatMetric(metric: ChoroplethMetric, value: number | null, fmt: MapFormat): string {
  return metric === 'closureRate' ? fmt.percent(value) : fmt.number(value);
}

/** One key per class; the AQI's classes are named by category (优, 良 …). */
export function choroplethLegend(scale: ChoroplethScale, fmt: MapFormat): LegendItem[] {
  const { t } = fmt;
  const integers = scale.metric === 'cases' || scale.metric === 'overdue';
  return classRanges(scale).map(({ from, to, color }, i) => {
    let label: string;
    if (scale.metric === 'aqi') label = fmt.name(AQI_CATEGORIES[i]!);
    else if (from === null) label = t('map.legend.upTo', { to: formatMetric(scale.metric, to, fmt) });
    else if (to === null) label = t('map.legend.above', { from: formatMetric(scale.metric, from, fmt) });
    else label = t('map.legend.between', { from: formatMetric(scale.metric, integers ? from + 1 : from, fmt), to: formatMetric(scale.metric, to, fmt) });
    return { label, color, shape: 'fill' as const };
  });
}

/** The popup of a district: its vital signs. */
export function districtDetails(adcode: string, v: VitalSigns | undefined, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  const metric = (m: ChoroplethMetric, value: number | null | undefined) => ({ label: t(`map.choropleth.${m}`), value: formatMetric(m, value ?? null, fmt) });
  return {
    title: fmt.districtName(adcode),
    fields: [
      metric('cases', v?.cases.today),
      { label: t('map.fields.openCases'), value: fmt.number(v?.cases.open) },
      { ...metric('overdue', v?.cases.overdue), alert: (v?.cases.overdue ?? 0) > 0 },
      metric('closureRate', v?.cases.closureRate),
      metric('aqi', v?.air.aqi),
    ],
  };
}
