import { describe, expect, it } from 'vitest';
import { HourlyWindow } from '../../../../client/src/model/aggregates/hourly-window.js';

describe('HourlyWindow', () => {
  const make = () => {
    const w = new HourlyWindow<{ n: number }>(3, () => ({ n: 0 }));
    w.reset(
      10,
      new Map([
        [9, { n: 9 }],
        [10, { n: 10 }],
        [5, { n: 5 }],
      ]),
    );
    return w;
  };

  it('holds exactly `size` hours ending at the last one, unknown hours empty', () => {
    expect(make().entries()).toEqual([
      { hour: 8, slot: { n: 0 } },
      { hour: 9, slot: { n: 9 } },
      { hour: 10, slot: { n: 10 } },
    ]);
  });

  it('slides forward by dropping the oldest hours; never backwards', () => {
    const w = make();
    expect(w.slideTo(9)).toBe(false);
    expect(w.slideTo(11)).toBe(true);
    expect(w.entries().map((e) => [e.hour, e.slot.n])).toEqual([
      [9, 9],
      [10, 10],
      [11, 0],
    ]);
    expect(w.slideTo(100)).toBe(true);
    expect(w.entries().map((e) => [e.hour, e.slot.n])).toEqual([
      [98, 0],
      [99, 0],
      [100, 0],
    ]);
  });

  it('finds the slot of an hour, undefined outside the window', () => {
    const w = make();
    expect(w.at(9)).toEqual({ n: 9 });
    expect(w.at(7)).toBeUndefined();
    expect(w.at(11)).toBeUndefined();
  });
});
