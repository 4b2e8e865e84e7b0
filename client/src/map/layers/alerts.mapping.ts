import circle from '@turf/circle';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Alert, AlertKind } from '../../../../shared/schemas/alert.js';
import { WARNING_LEVEL_ORDER, WARNING_LEVELS, type WarningLevel } from '../../../../shared/domain/warning.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';
import type { MapFeature } from '../../model/geo/source-differ.js';

/** One drawn shape of an alert; `alertId` leads a click back to the alert. */
export interface AlertProps {
  id: string;
  alertId: string;
  level: WarningLevel;
  /** `warning` (official, solid outline) or `notice` (the city's own environment rules, dashed). */
  kind: AlertKind;
  color: string;
  /** 4 for red … 1 for blue: the more severe area is drawn on top. */
  rank: number;
  [key: string]: string | number | boolean | null;
}

/** The mean of a ring's vertices (the closing vertex counted once): inside any convex area. */
function ringMiddle(ring: Position[]): Position {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
}

/**
 * An alert's areas as polygons: its CAP polygons, its circles (64-gon at the given radius),
 * and, for an area given only by geocodes (or an alert with no area at all), the boundaries
 * of the districts it names; plus one marker point (the first circle's centre or the first
 * polygon's middle), so an alert over a few hundred metres still shows on a city-wide map.
 * Coloured by warning level.
 */
export function alertFeatures(a: Alert, districtGeometry: (adcode: string) => Polygon | MultiPolygon | undefined): MapFeature<AlertProps>[] {
  const shapes: Array<Polygon | MultiPolygon> = [];
  let anchor: Position | null = null;
  for (const area of a.areas) {
    for (const ring of area.polygons) shapes.push({ type: 'Polygon', coordinates: [ring] });
    for (const c of area.circles) {
      anchor ??= [c.lon, c.lat];
      if (c.radiusKm > 0) shapes.push(circle([c.lon, c.lat], c.radiusKm, { steps: 64, units: 'kilometers' }).geometry);
    }
  }
  if (shapes.length === 0) {
    for (const adcode of a.districts) {
      const g = districtGeometry(adcode);
      if (g) shapes.push(g);
    }
  }
  const first = shapes[0];
  anchor ??= first ? ringMiddle(first.type === 'Polygon' ? first.coordinates[0]! : first.coordinates[0]![0]!) : null;
  const info = WARNING_LEVELS[a.level];
  const props = (id: string): AlertProps => ({ id, alertId: a.id, level: a.level, kind: a.kind, color: info.color, rank: info.rank });
  const features: MapFeature<AlertProps>[] = shapes.map((geometry, i) => ({ type: 'Feature', geometry, properties: props(`${a.id}/${i}`) }));
  if (anchor) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: anchor }, properties: props(`${a.id}/marker`) });
  return features;
}

/**
 * The popup of an alert: headline, kind (official warning or the city's own notice), level,
 * area, who issued it (by name), validity, and its description and instructions (防御指南).
 */
export function alertDetails(a: Alert, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  const texts = [
    ...(a.description ? [{ label: t('map.fields.description'), value: a.description, long: true }] : []),
    ...(a.instruction ? [{ label: t('map.fields.instruction'), value: a.instruction, long: true }] : []),
  ];
  return {
    title: a.headline ?? a.event,
    color: WARNING_LEVELS[a.level].color,
    fields: [
      { label: t('map.fields.kind'), value: t(`map.alertKind.${a.kind}`) },
      { label: t('map.fields.level'), value: t(`map.${a.kind === 'notice' ? 'notice' : 'warning'}.${a.level}`), alert: a.level === 'red' && a.kind === 'warning' },
      { label: t('map.fields.area'), value: a.areas.map((x) => x.areaDesc).join('；') || a.districts.map((d) => fmt.districtName(d)).join('、') },
      { label: t('map.fields.sender'), value: fmt.senderName(a) },
      { label: t('map.fields.effective'), value: fmt.dateTime(a.effective ?? a.sent) },
      { label: t('map.fields.expires'), value: fmt.dateTime(a.expires) },
      ...texts,
    ],
  };
}

/** Neutral colour of the kind keys: the outline style, not the colour, tells the kinds apart. */
const KIND_KEY_COLOR = '#c8d6e8';

/** The four warning levels, most severe first, then how official warnings and the city's own notices are drawn. */
export function alertsLegend(fmt: MapFormat): LegendItem[] {
  return [
    ...WARNING_LEVEL_ORDER.map((level) => ({ label: fmt.t(`map.warning.${level}`), color: WARNING_LEVELS[level].color, shape: 'fill' as const })),
    { label: fmt.t('map.legend.officialWarning'), color: KIND_KEY_COLOR, shape: 'line' },
    { label: fmt.t('map.legend.envNotice'), color: KIND_KEY_COLOR, shape: 'ring' },
  ];
}
