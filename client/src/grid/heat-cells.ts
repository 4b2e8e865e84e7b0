import { cellToBoundary } from 'h3-js';
import type { FeatureCollection, Polygon } from 'geojson';
import type { HeatmapCell, HeatmapResolution } from '../../../shared/contracts/evaluation.js';
import { cellColor, isMeasured, type CellScale } from './cell-scale.js';

/**
 * The H3 resolution for a map zoom: unit grid cells (resolution 10, about 万米 size) once
 * streets are readable, coarser cells as the view widens, so a whole district never turns
 * into thousands of specks.
 */
export function resolutionForZoom(zoom: number): HeatmapResolution {
  if (zoom >= 14) return 10;
  if (zoom >= 12.5) return 9;
  if (zoom >= 10) return 8;
  return 7;
}

/** Properties of a cell feature on the map. */
export interface CellProps {
  cell: string;
  color: string;
}

/** The measured cells as hexagons coloured by the scale (the others are left out: see isMeasured). */
export function cellFeatures(cells: readonly HeatmapCell[], scale: CellScale): FeatureCollection<Polygon, CellProps> {
  const features: FeatureCollection<Polygon, CellProps>['features'] = [];
  for (const c of cells) {
    const color = isMeasured(c) ? cellColor(scale, c.value) : null;
    if (color) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [cellToBoundary(c.cell, true)] }, properties: { cell: c.cell, color } });
  }
  return { type: 'FeatureCollection', features };
}
