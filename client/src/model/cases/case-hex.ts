import { cellToBoundary, latLngToCell } from 'h3-js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen } from '../../../../shared/domain/lifecycle.js';
import { niceStep } from '../aggregates/nice-step.js';
import type { MapFeature } from '../geo/source-differ.js';

/** One hexagon: its H3 index and how many open cases lie in it. */
export interface HexCell {
  cell: string;
  count: number;
}

/**
 * Open cases per H3 cell, kept up to date case by case: a changed case moves its one count
 * from its old cell to its new one (or drops it when it closes or leaves), so an update costs
 * the changed cases, not the whole city.
 */
export function createHexCounter(resolution: number) {
  const cellOf = new Map<string, string>();
  const counts = new Map<string, number>();
  // Cases rarely move: remember each one's cell so a status change costs no H3 lookup.
  const located = new Map<string, { lon: number; lat: number; cell: string }>();
  const cellAt = (id: string, c: GridCase) => {
    const known = located.get(id);
    if (known && known.lon === c.location.lon && known.lat === c.location.lat) return known.cell;
    const cell = latLngToCell(c.location.lat, c.location.lon, resolution);
    located.set(id, { lon: c.location.lon, lat: c.location.lat, cell });
    return cell;
  };
  const bump = (cell: string, by: number) => {
    const n = (counts.get(cell) ?? 0) + by;
    if (n > 0) counts.set(cell, n);
    else counts.delete(cell);
  };

  return {
    /** Applies one case's current state (undefined: gone) and adds the cells whose count changed to `touched`. */
    apply(id: string, c: GridCase | undefined, touched: Set<string>): void {
      const before = cellOf.get(id);
      if (!c) located.delete(id);
      const after = c && isOpen(c.status) ? cellAt(id, c) : undefined;
      if (before === after) return;
      if (before !== undefined) {
        bump(before, -1);
        cellOf.delete(id);
        touched.add(before);
      }
      if (after !== undefined) {
        bump(after, 1);
        cellOf.set(id, after);
        touched.add(after);
      }
    },
    /** Recounts from scratch (after a snapshot). */
    reset(cases: Iterable<GridCase>): void {
      cellOf.clear();
      counts.clear();
      located.clear();
      const ignored = new Set<string>();
      for (const c of cases) this.apply(c.id, c, ignored);
    },
    get(cell: string): HexCell | undefined {
      const count = counts.get(cell);
      return count === undefined ? undefined : { cell, count };
    },
    cells(): Iterable<[string, HexCell]> {
      return [...counts].map(([cell, count]) => [cell, { cell, count }] as [string, HexCell]);
    },
    /** The largest count of any cell (0 when none). */
    max(): number {
      let m = 0;
      for (const n of counts.values()) if (n > m) m = n;
      return m;
    },
  };
}

const boundaries = new Map<string, number[][]>();

/** A cell as a polygon carrying its count (boundaries are cached: cells keep their shape). */
export function hexFeature(h: HexCell): MapFeature<{ id: string; count: number }> {
  let ring = boundaries.get(h.cell);
  if (!ring) boundaries.set(h.cell, (ring = cellToBoundary(h.cell, true)));
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: h.cell, count: h.count } };
}

/** Top of the colour ramp: a nice number at or above the busiest cell, so colours do not jitter with every case. */
export function hexScaleMax(max: number): number {
  return Math.max(2, niceStep(max));
}
