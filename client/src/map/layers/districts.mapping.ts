import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import { AQI_CATEGORIES } from '../../../../shared/domain/aqi-breakpoints.js';
import type { DistrictFeatures } from '../../stores/reference.js';
import { choroplethScale, classRanges, colorFor, districtValues, type ChoroplethMetric, type ChoroplethScale } from '../choropleth.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';
import { noReading } from './no-reading.js';
import type { MapFeature } from '../../model/geo/source-differ.js';

/** The district boundaries with `id` = adcode, the key of their feature-state. */
export function districtFeatures(d: DistrictFeatures): MapFeature<{ id: string; name: string }>[] {
  return d.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.adcode, name: f.properties.name } }));
}

/** Signed area and centroid of a ring (shoelace formula, in degrees: fine for placing a label). */
function ringCentroid(ring: Position[]): { area: number; at: [number, number] } {
  let a = 0,
    cx = 0,
    cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: Math.abs(a / 2), at: a === 0 ? (ring[0] as [number, number]) : [cx / (3 * a), cy / (3 * a)] };
}

/**
 * Where a district's name goes: the centroid of its largest polygon, which spreads the labels
 * over the districts' areas (seats of government can lie a few kilometres apart, as 江城区's
 * and 阳东区's do, and their names would overlap). Falls back to `seat` when the centroid of a
 * concave shape lies outside it.
 */
export function labelPoint(geometry: Polygon | MultiPolygon, seat: [number, number]): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { area: number; at: [number, number]; rings: Position[][] } | null = null;
  for (const rings of polygons) {
    const c = ringCentroid(rings[0] ?? []);
    if (!best || c.area > best.area) best = { ...c, rings };
  }
  return best && booleanPointInPolygon(best.at, { type: 'Polygon', coordinates: best.rings }) ? best.at : seat;
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
  const districts = new Map(
    adcodes.map((a) => {
      const value = values.get(a) ?? null;
      return [a, { value, color: colorFor(scale, value) }] as const;
    }),
  );
  return { scale, districts };
}

/** A metric's value as the legend and the labels write it. */
export function formatMetric(metric: ChoroplethMetric, value: number | null, fmt: MapFormat): string {
  if (metric === 'closureRate') return fmt.percent(value);
  if (metric === 'gdpGrowth') return fmt.growth(value);
  return fmt.number(value);
}

/** The legend's heading: the metric the districts are filled by, so a wall without the chooser still says it. */
export function choroplethTitle(metric: ChoroplethMetric, fmt: MapFormat): string {
  return fmt.t('map.legend.choropleth', { metric: fmt.t(`map.choropleth.${metric}`) });
}

/** One key per class; the AQI's classes are named by category (优, 良 …). */
export function choroplethLegend(scale: ChoroplethScale, fmt: MapFormat): LegendItem[] {
  const { t } = fmt;
  const integers = scale.metric === 'cases' || scale.metric === 'overdue' || scale.metric === 'alerts';
  return classRanges(scale).map(({ from, to, color }, i) => {
    let label: string;
    if (scale.metric === 'aqi') label = fmt.name(AQI_CATEGORIES[i]!);
    else if (from === null) label = t('map.legend.upTo', { to: formatMetric(scale.metric, to, fmt) });
    else if (to === null) label = t('map.legend.above', { from: formatMetric(scale.metric, from, fmt) });
    else if (integers && from + 1 === to) label = formatMetric(scale.metric, to, fmt);
    else label = t('map.legend.between', { from: formatMetric(scale.metric, integers ? from + 1 : from, fmt), to: formatMetric(scale.metric, to, fmt) });
    return { label, color, shape: 'fill' as const };
  });
}

/** The popup of a district: its vital signs, or since when there have been none. */
export function districtDetails(adcode: string, v: VitalSigns | undefined, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  const metric = (m: ChoroplethMetric, value: number | null | undefined) => ({ label: t(`map.choropleth.${m}`), value: formatMetric(m, value ?? null, fmt) });
  if (!v) return { title: fmt.districtName(adcode), fields: [noReading(fmt)] };
  return {
    title: fmt.districtName(adcode),
    fields: [
      metric('cases', v.cases.today),
      { label: t('map.fields.openCases'), value: fmt.number(v.cases.open) },
      { ...metric('overdue', v.cases.overdue), alert: v.cases.overdue > 0 },
      metric('closureRate', v.cases.closureRate),
      metric('aqi', v.air.aqi),
      // County GDP is quarterly and may not be published yet: a missing line says more than a dash.
      ...(v.economy.gdpCumulativeYoy != null ? [metric('gdpGrowth', v.economy.gdpCumulativeYoy)] : []),
    ],
  };
}
