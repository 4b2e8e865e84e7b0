import type { Camera, Resource } from '../../../../shared/schemas/city-pack.js';
import type { ResourceUsage } from '../../../../shared/domain/dispatch.js';
import { CAMERA_COLOR, COMMITTED_COLOR, RESOURCE_COLORS } from '../palette.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';
import type { MapFeature } from '../../model/geo/source-differ.js';

/** An emergency resource as a dot coloured by its type; `committed` when an active assignment holds some of it (drawn ringed). */
export function resourceFeature(r: Resource, usage?: Map<string, ResourceUsage>): MapFeature<{ id: string; type: string; color: string; committed: boolean }> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r.location.lon, r.location.lat] },
    properties: { id: r.id, type: r.type, color: RESOURCE_COLORS[r.type], committed: (usage?.get(r.id)?.assignments ?? 0) > 0 },
  };
}

/** The popup of a resource: type, capacity, contact and the materials it holds; what is committed and free of each, while some is. */
export function resourceDetails(r: Resource, fmt: MapFormat, usage?: Map<string, ResourceUsage>): FeatureDetails {
  const { t } = fmt;
  const used = usage?.get(r.id)?.items ?? {};
  const name = (item: string) => (item === 'people' || item === 'occupancy' ? t(`dispatch.usage.${item}`) : fmt.has(`map.material.${item}`) ? t(`map.material.${item}`) : item);
  const free = (item: string, n: number) => (used[item] ? `${fmt.number(used[item].free)} / ${fmt.number(n)} · ${t('dispatch.usage.committed')} ${fmt.number(used[item].committed)}` : fmt.number(n));
  return {
    title: r.name,
    color: RESOURCE_COLORS[r.type],
    fields: [
      { label: t('map.fields.resourceType'), value: t(`map.resourceType.${r.type}`) },
      { label: t('map.fields.district'), value: fmt.districtName(r.district) },
      { label: t('map.fields.capacity'), value: fmt.number(r.capacity) },
      ...(r.contact ? [{ label: t('map.fields.contact'), value: r.contact }] : []),
      ...Object.entries(used)
        .filter(([item]) => !r.materials?.[item])
        .map(([item, u]) => ({ label: name(item), value: `${fmt.number(u.committed)} / ${fmt.number(u.total)}`, alert: u.free === 0 })),
      ...Object.entries(r.materials ?? {}).map(([item, n]) => ({ label: name(item), value: free(item, n), alert: used[item]?.free === 0 })),
    ],
  };
}

/** One key per resource type, and the ring of a committed one. */
export function resourcesLegend(fmt: MapFormat): LegendItem[] {
  return [
    ...Object.entries(RESOURCE_COLORS).map(([type, color]) => ({ label: fmt.t(`map.resourceType.${type}`), color, shape: 'circle' as const })),
    { label: fmt.t('dispatch.usage.committed'), color: COMMITTED_COLOR, shape: 'ring' as const },
  ];
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
