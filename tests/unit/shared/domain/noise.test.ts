import { describe, expect, it } from 'vitest';
import { assessNoise, noisePeriod, parseNoiseZone, type NoiseZone } from '../../../../shared/domain/noise.js';

const DAY = '2026-06-01T10:00:00+08:00';
const NIGHT = '2026-06-01T23:00:00+08:00';

describe('noisePeriod', () => {
  it('is day from 06:00 up to 22:00 China time, night otherwise', () => {
    expect(noisePeriod('2026-06-01T05:59:59+08:00')).toBe('night');
    expect(noisePeriod('2026-06-01T06:00:00+08:00')).toBe('day');
    expect(noisePeriod('2026-06-01T21:59:59+08:00')).toBe('day');
    expect(noisePeriod('2026-06-01T22:00:00+08:00')).toBe('night');
    expect(noisePeriod('2026-06-01T00:00:00+08:00')).toBe('night');
  });

  it('uses China time, not the offset of the input', () => {
    expect(noisePeriod('2026-06-01T23:00:00Z')).toBe('day'); // 07:00 in China
    expect(noisePeriod('2026-06-01T14:30:00Z')).toBe('night'); // 22:30 in China
  });
});

describe('assessNoise', () => {
  const limits: [NoiseZone, number, number][] = [
    ['0', 50, 40],
    ['1', 55, 45],
    ['2', 60, 50],
    ['3', 65, 55],
    ['4a', 70, 55],
    ['4b', 70, 60],
  ];
  it.each(limits)('zone %s: day %i, night %i; equal complies, above exceeds', (zone, day, night) => {
    expect(assessNoise(day, zone, DAY)).toEqual({ period: 'day', limit: day, exceedance: 0, exceeds: false });
    expect(assessNoise(night, zone, NIGHT)).toEqual({ period: 'night', limit: night, exceedance: 0, exceeds: false });
    expect(assessNoise(day + 0.5, zone, DAY)).toMatchObject({ exceedance: 0.5, exceeds: true });
    expect(assessNoise(night + 3.3, zone, NIGHT)).toMatchObject({ exceedance: 3.3, exceeds: true });
  });

  it('reports exceedance to 0.1 dB and 0 below the limit', () => {
    expect(assessNoise(65.3, '2', DAY).exceedance).toBe(5.3);
    expect(assessNoise(42, '2', DAY)).toMatchObject({ exceedance: 0, exceeds: false });
  });

  it('rejects a non-numeric level', () => {
    expect(() => assessNoise(Number.NaN, '2', DAY)).toThrow(RangeError);
  });
});

describe('parseNoiseZone', () => {
  it('accepts the zone spellings sources use', () => {
    expect(parseNoiseZone(2)).toBe('2');
    expect(parseNoiseZone('4A')).toBe('4a');
    expect(parseNoiseZone('class 3')).toBe('3');
    expect(parseNoiseZone('5')).toBeNull();
    expect(parseNoiseZone('4')).toBeNull();
  });
});
