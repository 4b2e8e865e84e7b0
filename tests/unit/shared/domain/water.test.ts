import { describe, expect, it } from 'vitest';
import { assessWater, isClassIIIOrBetter, waterClassRank, waterItemClass, type WaterItem } from '../../../../shared/domain/water.js';

/** GB 3838-2002 limits as DOMAIN.md lists them (classes I–V). */
const MAXIMA: [WaterItem, number[]][] = [
  ['codmn', [2, 4, 6, 10, 15]],
  ['bod5', [3, 3, 4, 6, 10]],
  ['nh3n', [0.15, 0.5, 1.0, 1.5, 2.0]],
  ['tp', [0.02, 0.1, 0.2, 0.3, 0.4]],
  ['tn', [0.2, 0.5, 1.0, 1.5, 2.0]],
  ['cod', [15, 15, 20, 30, 40]],
];
const CLASSES = ['I', 'II', 'III', 'IV', 'V'] as const;

describe('waterItemClass', () => {
  it.each(MAXIMA)('%s: at a limit is that class (the best one sharing it), just above is worse', (item, limits) => {
    limits.forEach((limit, i) => {
      const best = limits.indexOf(limit);
      expect(waterItemClass(item, limit), `${item}=${limit}`).toBe(CLASSES[best]);
      expect(waterItemClass(item, limit + 1e-6), `${item} just above ${limit}`).toBe(i === 4 ? '劣V' : CLASSES[limits.findIndex((l) => l > limit)]);
    });
    expect(waterItemClass(item, 0)).toBe('I');
  });

  it('COD I and II share 15: 15 is class I, 15.1 is III', () => {
    expect(waterItemClass('cod', 15)).toBe('I');
    expect(waterItemClass('cod', 15.1)).toBe('III');
    expect(waterItemClass('cod', 40.5)).toBe('劣V');
  });

  it('DO is a minimum: at a limit is that class, just below is worse, below 2 is 劣V', () => {
    const limits = [7.5, 6, 5, 3, 2];
    limits.forEach((limit, i) => {
      expect(waterItemClass('do', limit)).toBe(CLASSES[i]);
      expect(waterItemClass('do', limit - 1e-6)).toBe(i === 4 ? '劣V' : CLASSES[i + 1]);
    });
    expect(waterItemClass('do', 12)).toBe('I');
    expect(waterItemClass('do', 0)).toBe('劣V');
  });

  it('pH 6–9 inclusive meets every class; outside it is 劣V', () => {
    expect(waterItemClass('ph', 6)).toBe('I');
    expect(waterItemClass('ph', 9)).toBe('I');
    expect(waterItemClass('ph', 5.99)).toBe('劣V');
    expect(waterItemClass('ph', 9.01)).toBe('劣V');
  });

  it('ignores unusable values', () => {
    expect(waterItemClass('tp', Number.NaN)).toBeNull();
    expect(waterItemClass('tp', -0.1)).toBeNull();
  });
});

describe('assessWater', () => {
  it('takes the worst item and names the items that decide it', () => {
    const r = assessWater({ ph: 7.4, do: 6.5, codmn: 3.1, nh3n: 1.2, tp: 0.25 }, 'river');
    expect(r).toEqual({
      waterClass: 'IV',
      itemClasses: { ph: 'I', do: 'II', codmn: 'II', nh3n: 'IV', tp: 'IV' },
      worstItems: ['nh3n', 'tp'],
    });
  });

  it('is 劣V when an item is worse than class V or pH is out of range', () => {
    expect(assessWater({ do: 8, nh3n: 2.5 }, 'river')?.waterClass).toBe('劣V');
    expect(assessWater({ do: 8, ph: 9.5 }, 'river')).toMatchObject({ waterClass: '劣V', worstItems: ['ph'] });
  });

  it('ignores non-graded keys and returns null with no graded item', () => {
    expect(assessWater({ temperature: 25, turbidity: 3 } as Record<string, number>, 'river')).toBeNull();
    expect(assessWater({}, 'lake')).toBeNull();
    expect(assessWater({ do: 8, temperature: 25 } as Record<string, number>, 'river')?.waterClass).toBe('I');
  });
});

describe('assessWater by water body (GB 3838 TP columns; TN only for lakes and reservoirs, never in the class)', () => {
  it('never grades a river on TN: DO 8 with TN 1.8 is class I, with no TN class', () => {
    const r = assessWater({ do: 8, tn: 1.8 }, 'river');
    expect(r).toEqual({ waterClass: 'I', itemClasses: { do: 'I' }, worstItems: ['do'] });
  });

  it('reads TP against the lakes-and-reservoirs column there', () => {
    expect(waterItemClass('tp', 0.05, 'lake')).toBe('III');
    expect(waterItemClass('tp', 0.05, 'river')).toBe('II');
    expect(waterItemClass('tp', 0.025, 'reservoir')).toBe('II');
    expect(waterItemClass('tp', 0.21, 'lake')).toBe('劣V');
    expect(assessWater({ do: 8, tp: 0.08 }, 'reservoir')?.waterClass).toBe('IV');
    expect(assessWater({ do: 8, tp: 0.08 }, 'river')?.waterClass).toBe('II');
  });

  it('shows a lake or reservoir its TN class beside a water class TN does not decide', () => {
    expect(assessWater({ do: 8, tp: 0.02, tn: 1.8 }, 'lake')).toEqual({
      waterClass: 'II',
      itemClasses: { do: 'I', tp: 'II' },
      worstItems: ['tp'],
      tnClass: 'V',
    });
    expect(assessWater({ do: 8, tn: 0.4 }, 'reservoir')?.tnClass).toBe('II');
    expect(assessWater({ do: 8 }, 'lake')?.tnClass).toBeUndefined();
  });
});

describe('class helpers', () => {
  it('ranks I best to 劣V worst', () => {
    expect(['I', 'II', 'III', 'IV', 'V', '劣V'].map((c) => waterClassRank(c as never))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('treats I–III as meeting class III', () => {
    expect(isClassIIIOrBetter('III')).toBe(true);
    expect(isClassIIIOrBetter('I')).toBe(true);
    expect(isClassIIIOrBetter('IV')).toBe(false);
    expect(isClassIIIOrBetter('劣V')).toBe(false);
  });
});
