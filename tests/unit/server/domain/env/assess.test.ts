import { describe, expect, it } from 'vitest';
import { assess } from '../../../../../server/src/domain/env/assess.js';
import type { Station } from '../../../../../shared/schemas/city-pack.js';

const section = (waterBody: Station['waterBody']): Station => ({
  id: 'w-1',
  kind: 'water',
  name: '断面',
  location: { lon: 111.9, lat: 21.9 },
  district: '441702',
  targetClass: 'II',
  waterBody,
});
const reading = (values: Record<string, number>) => ({ kind: 'water' as const, stationId: 'w-1', observedAt: '2026-06-01T08:00:00+08:00', values });

describe('assess: water sections by their water body (GB 3838)', () => {
  it('grades a river with DO 8 and TN 1.8 class I, not V, and gives it no TN class', () => {
    expect(assess(reading({ do: 8, tn: 1.8 }), section('river'))).toEqual({ waterClass: 'I', breach: false });
  });

  it('grades a lake on its TP column and reports its TN class beside the water class', () => {
    expect(assess(reading({ do: 8, tp: 0.08, tn: 1.8 }), section('lake'))).toEqual({ waterClass: 'IV', tnClass: 'V', breach: true });
    expect(assess(reading({ do: 8, tp: 0.02, tn: 0.4 }), section('reservoir'))).toEqual({ waterClass: 'II', tnClass: 'II', breach: false });
  });

  it('refuses to guess the body of a section the pack left without one', () => {
    expect(() => assess(reading({ do: 8 }), section(undefined))).toThrow(/waterBody/);
  });
});
