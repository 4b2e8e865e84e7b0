import type { Camera, Resource } from '../../../../shared/schemas/city-pack.js';
import { CAMERA_COLOR, RESOURCE_COLORS } from '../palette.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';
import type { MapFeature } from '../../model/geo/source-differ.js';

/** An emergency resource as a dot coloured by its type. */
export function resourceFeature(r: Resource): MapFeature<{ id: string; type: string; color: string }> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [r.location.lon, r.location.lat] }, properties: { id: r.id, type: r.type, color: RESOURCE_COLORS[r.type] } };
}

/** The popup of a resource: type, capacity, contact and the materials it holds. */
export function resourceDetails(r: Resource, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  return {
    title: r.name,
    color: RESOURCE_COLORS[r.type],
    fields: [
      { label: t('map.fields.resourceType'), value: t(`map.resourceType.${r.type}`) },
      { label: t('map.fields.district'), value: fmt.districtName(r.district) },
      { label: t('map.fields.capacity'), value: fmt.number(r.capacity) },
      ...(r.contact ? [{ label: t('map.fields.contact'), value: r.contact }] : []),
      ...Object.entries(r.materials ?? {}).map(([name, n]) => ({ label: fmt.has(`map.material.${name}`) ? t(`map.material.${name}`) : name, value: fmt.number(n) })),
    ],
  };
}

/** One key per resource type. */
export function resourcesLegend(fmt: MapFormat): LegendItem[] {
  return Object.entries(RESOURCE_COLORS).map(([type, color]) => ({ label: fmt.t(`map.resourceType.${type}`), color, shape: 'circle' as const }));
}

/** A camera as a small dot. */
export function cameraFeature(c: Camera): MapFeature<{ id: string }> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [c.location.lon, c.location.lat] }, properties: { id: c.id } };
}

/** The popup of a camera. */
export function cameraDetails(c: Camera, fmt: MapFormat): FeatureDetails {
  return {
    title: c.name,
    color: CAMERA_COLOR,
    fields: [
      { label: fmt.t('map.fields.station'), value: fmt.t('map.popup.camera') },
      { label: fmt.t('map.fields.district'), value: fmt.districtName(c.district) },
    ],
  };
}
