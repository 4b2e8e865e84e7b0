import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ResourceType } from '../../../shared/schemas/city-pack.js';
import { BASEMAP, CAMERA_COLOR, RESOURCE_COLORS } from './palette.js';

/** Glyphs as SVG path data in a 24×24 box (even-odd fill), drawn on a badge in the point's colour. */
const GLYPHS: Record<ResourceType | 'camera', string> = {
  // a life ring
  rescue_team: 'M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14z M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z',
  // a store with shelves
  warehouse: 'M4 10l8-5 8 5v9H4z M7 12h10v2H7z M7 15.5h10v2H7z',
  // a house
  shelter: 'M12 4.5l8 7h-2.5V19h-4v-4.5h-3V19h-4v-7.5H4z',
  // a cross
  medical: 'M10 5h4v5h5v4h-5v5h-4v-5H5v-4h5z',
  // a flame
  fire_station: 'M12 3.5c.6 3.6 5 5.3 5 10a5 5 0 0 1-10 0c0-2.6 1.6-3.9 2.2-5.6.9 1.1 1.4 2.1 1.5 3.2 1.3-1.9 1.6-4.5 1.3-7.6z',
  // a video camera
  camera: 'M4 8h10.5a1 1 0 0 1 1 1v1.8L20 8v8l-4.5-2.8V15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z',
};

/** The icon's side in CSS pixels of the design box at street level; the map's pixel ratio scales it for a 4K wall. */
export const ICON_SIZE = 30;

/** The map image name of a resource type's or the cameras' icon. */
export const iconName = (kind: ResourceType | 'camera'): string => `icon-${kind}`;

/** Draws one badge: a circle for resources, a rounded square for cameras, with a light rim and the glyph in dark ink. */
function drawIcon(kind: ResourceType | 'camera', ratio: number): ImageData | null {
  const px = Math.round(ICON_SIZE * ratio);
  const g = new OffscreenCanvas(px, px).getContext('2d');
  if (!g) return null;
  g.scale(px / 24, px / 24);
  const color = kind === 'camera' ? CAMERA_COLOR : RESOURCE_COLORS[kind];
  g.beginPath();
  if (kind === 'camera') g.roundRect(1.5, 1.5, 21, 21, 5);
  else g.arc(12, 12, 10.5, 0, Math.PI * 2);
  g.fillStyle = color;
  g.fill();
  g.lineWidth = 1.6;
  g.strokeStyle = '#f2f8ff';
  g.stroke();
  g.fillStyle = BASEMAP.sea;
  g.translate(12, 12);
  g.scale(0.72, 0.72);
  g.translate(-12, -12);
  g.fill(new Path2D(GLYPHS[kind]), 'evenodd');
  return g.getImageData(0, 0, px, px);
}

/**
 * Adds the resource and camera icons to the map's images (once per map), rendered at the map's
 * pixel ratio so they stay crisp on a 4K wall. Local drawing only: nothing is fetched.
 */
export function addMapIcons(map: MapLibreMap): void {
  if (typeof OffscreenCanvas === 'undefined') return; // a test DOM without canvas draws no icons
  const ratio = map.getPixelRatio();
  for (const kind of Object.keys(GLYPHS) as Array<keyof typeof GLYPHS>) {
    if (map.hasImage(iconName(kind))) continue;
    const image = drawIcon(kind, ratio);
    if (image) map.addImage(iconName(kind), image, { pixelRatio: ratio });
  }
}
