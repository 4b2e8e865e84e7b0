import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { CaseHexView } from '../../../../client/src/live/cases/case-hex.view.js';
import type { ViewData } from '../../../../client/src/live/protocol.js';
import { hexFeature, hexScaleMax } from '../../../../client/src/model/cases/case-hex.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { fedView } from './fixtures.js';
import { gridCase } from '../map/fixtures.js';

const RES = 7;
const here = { lon: 111.98, lat: 21.86 };
const there = { lon: 111.6, lat: 22.2 };
const cellHere = latLngToCell(here.lat, here.lon, RES);
const cellThere = latLngToCell(there.lat, there.lon, RES);

const setup = (cases: GridCase[]) => fedView(new CaseHexView(RES), cases);

const update = (d: ViewData['case-hex'] | null) => {
  expect(d?.update).toBeDefined();
  return d!.update!;
};

describe('CaseHexView', () => {
  it('first posts every cell with its count of open cases, the colour scale top and the number of cells', () => {
    const { view } = setup([
      gridCase('a', { location: here }),
      gridCase('b', { location: here, status: 'dispatched' }),
      gridCase('c', { location: there }),
      gridCase('d', { location: there, status: 'closed' }),
      gridCase('e', { location: here, status: 'rejected' }),
    ]);
    const first = view.take();
    expect(new Map(first!.reset!.features.map((f) => [f.properties!['id'], f.properties!['count']]))).toEqual(
      new Map([
        [cellHere, 2],
        [cellThere, 1],
      ]),
    );
    expect(first!.reset!.features.find((f) => f.properties!['id'] === cellHere)).toEqual(hexFeature({ cell: cellHere, count: 2 }));
    expect(first!.max).toBe(hexScaleMax(2));
    expect(first!.total).toBe(2);
  });

  it('scales colours to a nice number at or above the busiest cell', () => {
    const { view } = setup(Array.from({ length: 7 }, (_, i) => gridCase(`c${i}`, { location: here })));
    expect(view.take()!.max).toBe(10);
  });

  it('posts an empty collection for a partition without open cases', () => {
    const { view } = setup([gridCase('a', { status: 'closed' })]);
    expect(view.take()).toEqual({ reset: { type: 'FeatureCollection', features: [] }, max: 2, total: 0 });
  });

  it('posts nothing when no count changed, even though cases did', () => {
    const { view, change } = setup([gridCase('a', { location: here })]);
    view.take();
    expect(view.take()).toBeNull();
    change(gridCase('a', { location: here, status: 'in_progress', title: 'renamed' }));
    expect(view.take()).toBeNull();
  });

  it('recolours a cell whose count changed as feature-state, and only that cell', () => {
    const { view, change } = setup([gridCase('a', { location: here }), gridCase('b', { location: there })]);
    view.take();
    change(gridCase('c', { location: there }), gridCase('d', { location: there }));
    expect(view.take()).toEqual({ update: { data: null, states: [{ id: cellThere, state: { count: 3 } }], cleared: [] }, max: hexScaleMax(3), total: 2 });
  });

  it('adds a cell when a case opens in an empty one, and moves a count with a relocated case', () => {
    const { view, change } = setup([gridCase('a', { location: here }), gridCase('b', { location: here })]);
    view.take();
    change(gridCase('a', { location: there }));
    const d = view.take();
    const u = update(d);
    expect(u.data).toEqual({ add: [hexFeature({ cell: cellThere, count: 1 })], remove: [], update: [] });
    expect(u.states).toEqual([{ id: cellHere, state: { count: 1 } }]);
    expect(d!.total).toBe(2);
  });

  it('lowers a cell when one of its cases closes and removes it with its feature-state when the last one does', () => {
    const { view, change } = setup([gridCase('a', { location: here }), gridCase('b', { location: here }), gridCase('c', { location: there })]);
    view.take();
    change(gridCase('a', { location: here, status: 'closed' }));
    expect(view.take()).toEqual({ update: { data: null, states: [{ id: cellHere, state: { count: 1 } }], cleared: [] }, max: 2, total: 2 });
    change(gridCase('b', { location: here, status: 'closed' }));
    expect(view.take()).toEqual({ update: { data: { add: [], remove: [cellHere], update: [] }, states: [], cleared: [cellHere] }, max: 2, total: 1 });
  });

  it('drops the count of a case that left the partition', () => {
    const { view, change } = setup([gridCase('a', { location: here }), gridCase('b', { location: there })]);
    view.take();
    change(gridCase('a', { location: here, exercise: true }));
    const d = view.take();
    expect(update(d).data!.remove).toEqual([cellHere]);
    expect(d!.total).toBe(1);
  });

  it('collects every change between two takes into one update', () => {
    const { view, change } = setup([gridCase('a', { location: here })]);
    view.take();
    change(gridCase('b', { location: here }));
    change(gridCase('c', { location: here }));
    change(gridCase('d', { location: there }), gridCase('d', { location: there, status: 'closed' }));
    const u = update(view.take());
    expect(u.states).toEqual([{ id: cellHere, state: { count: 3 } }]);
    expect(u.data).toBeNull();
  });

  it('starts over with a whole collection after a reset', () => {
    const { book, view, change } = setup([gridCase('a', { location: here })]);
    view.take();
    change(gridCase('b', { location: there }));
    book.reset([gridCase('z', { location: there })], Date.now());
    view.reset(book.parts.real);
    expect(view.take()).toEqual({ reset: { type: 'FeatureCollection', features: [hexFeature({ cell: cellThere, count: 1 })] }, max: 2, total: 1 });
    expect(view.take()).toBeNull();
  });
});
