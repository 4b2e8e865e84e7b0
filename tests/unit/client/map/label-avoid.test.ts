import { describe, expect, it } from 'vitest';
import { placeLabel, type Box } from '../../../../client/src/map/label-avoid.js';

const label: Box = { x0: 100, y0: 100, x1: 160, y1: 120 };
const bubble = (x: number, y: number, r = 15): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });

describe('placeLabel', () => {
  it('leaves a label where it is when no cluster is near', () => {
    expect(placeLabel(label, [bubble(300, 300)])).toEqual([0, 0]);
  });

  it('moves a label above a cluster that sits on it, clear of the bubble', () => {
    const [dx, dy] = placeLabel(label, [bubble(130, 115)], 4)!;
    expect([dx, dy]).toEqual([0, -24]);
  });

  it('tries below, then beside, when above is taken too', () => {
    expect(placeLabel(label, [bubble(130, 105, 10), bubble(130, 88, 10)], 4)).toEqual([0, 24]);
    expect(placeLabel(label, [bubble(130, 112, 10), bubble(130, 88, 10), bubble(130, 134, 10)], 4)).toEqual([64, 0]);
  });

  it('gives up (the label fades) when every place covers a cluster', () => {
    const all = [bubble(130, 110, 70), bubble(240, 110, 40), bubble(20, 110, 40)];
    expect(placeLabel(label, all)).toBeNull();
  });
});
