import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { createHexCounter, hexFeature, hexScaleMax } from '../../../../client/src/model/cases/case-hex.js';
import { createSourceDiffer } from '../../../../client/src/model/geo/source-differ.js';
import { gridCase } from '../map/fixtures.js';

const RES = 7;
const here = { lon: 111.98, lat: 21.86 };
const there = { lon: 111.6, lat: 22.2 };
const cellHere = latLngToCell(here.lat, here.lon, RES);
const cellThere = latLngToCell(there.lat, there.lon, RES);

describe('createHexCounter', () => {
  it('counts open cases per H3 cell and ignores closed and rejected ones', () => {
    const counter = createHexCounter(RES);
    counter.reset([
      gridCase('a', { location: here }),
      gridCase('b', { location: here, status: 'in_progress' }),
      gridCase('c', { location: there }),
      gridCase('d', { location: there, status: 'closed' }),
      gridCase('e', { location: there, status: 'rejected' }),
    ]);
    expect(counter.get(cellHere)).toEqual({ cell: cellHere, count: 2 });
    expect(counter.get(cellThere)).toEqual({ cell: cellThere, count: 1 });
    expect(counter.max()).toBe(2);
  });

  it('moves one count when a case changes, and reports exactly the cells it touched', () => {
    const counter = createHexCounter(RES);
    counter.reset([gridCase('a', { location: here }), gridCase('b', { location: here })]);
    const moved = new Set<string>();
    counter.apply('a', gridCase('a', { location: there }), moved);
    expect([...moved].sort()).toEqual([cellHere, cellThere].sort());
    expect(counter.get(cellHere)?.count).toBe(1);
    expect(counter.get(cellThere)?.count).toBe(1);

    const closed = new Set<string>();
    counter.apply('b', gridCase('b', { location: here, status: 'closed' }), closed);
    expect([...closed]).toEqual([cellHere]);
    expect(counter.get(cellHere)).toBeUndefined();

    const unchanged = new Set<string>();
    counter.apply('a', gridCase('a', { location: there, status: 'feedback' }), unchanged);
    expect(unchanged.size).toBe(0);
  });

  it('turns counter changes into map updates: add a cell, recolour it as its count changes (feature-state), remove it at zero', () => {
    const counter = createHexCounter(RES);
    counter.reset([]);
    const differ = createSourceDiffer<{ cell: string; count: number }>((h) => [hexFeature(h)], { stateKeys: ['count'] });
    differ.reset(counter.cells());
    const step = (id: string, c: ReturnType<typeof gridCase> | undefined) => {
      const touched = new Set<string>();
      counter.apply(id, c, touched);
      return differ.diff(touched, (cell) => counter.get(cell));
    };
    expect(step('a', gridCase('a', { location: here }))!.data!.add!.map((f) => f.properties)).toEqual([{ id: cellHere, count: 1 }]);
    expect(step('b', gridCase('b', { location: here }))).toEqual({ data: null, states: [{ id: cellHere, state: { count: 2 } }], cleared: [] });
    step('a', undefined);
    const gone = step('b', undefined)!;
    expect(gone.data!.remove).toEqual([cellHere]);
    expect(gone.cleared).toEqual([cellHere]);
  });
});

describe('hexFeature', () => {
  it('is the cell hexagon as a closed GeoJSON ring around the cell, carrying its count', () => {
    const f = hexFeature({ cell: cellHere, count: 5 });
    const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    for (const [lon, lat] of ring) {
      expect(Math.abs(lon! - here.lon)).toBeLessThan(0.05);
      expect(Math.abs(lat! - here.lat)).toBeLessThan(0.05);
    }
    expect(f.properties).toEqual({ id: cellHere, count: 5 });
  });

  it('scales colours to a nice number at or above the busiest cell', () => {
    expect(hexScaleMax(0)).toBe(2);
    expect(hexScaleMax(7)).toBe(10);
    expect(hexScaleMax(23)).toBe(50);
  });
});
