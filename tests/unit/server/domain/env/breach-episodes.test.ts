import { describe, expect, it } from 'vitest';
import { BREACH_RULES, breachRun, worthANotice } from '../../../../../server/src/domain/env/breach-episodes.js';
import type { Station } from '../../../../../shared/schemas/city-pack.js';
import type { ObservationAssessment } from '../../../../../shared/schemas/observation.js';

const H = 3600_000;
const noise: Station = { id: 'n', kind: 'noise', name: 'n', location: { lon: 112, lat: 21.9 }, district: '441702', zone: '2' };
const water: Station = { id: 'w', kind: 'water', name: 'w', location: { lon: 112, lat: 21.9 }, district: '441702', targetClass: 'II' };
const air: Station = { id: 'a', kind: 'air', name: 'a', location: { lon: 112, lat: 21.9 }, district: '441702' };
/** Readings newest first, `hoursAgo` each. */
const readings = (...rows: [number, ObservationAssessment][]) => rows.map(([h, assessment]) => ({ at: 10 * H - h * H, assessment }));
const over = (db: number): ObservationAssessment => ({ breach: db > 0, noiseLimit: 60, noiseExceedance: Math.max(0, db) });

describe('breach episodes', () => {
  it('a run is the unbroken breaching readings ending with the newest; a compliant reading or a long gap ends it', () => {
    expect(breachRun(readings([0, over(1)], [1, over(1)], [2, over(0)], [3, over(2)]), BREACH_RULES.noise.maxGapMs)).toHaveLength(2);
    expect(breachRun(readings([0, over(1)], [3, over(1)]), BREACH_RULES.noise.maxGapMs)).toHaveLength(1);
    expect(breachRun(readings([0, over(0)], [1, over(3)]), BREACH_RULES.noise.maxGapMs)).toEqual([]);
  });

  it('noise: 0.2 dB over is nothing for an hour, a notice after 3 hourly readings; 5 dB over at once', () => {
    const run = (n: number, db: number) => breachRun(readings(...Array.from({ length: n }, (_, i): [number, ObservationAssessment] => [i, over(db)])), BREACH_RULES.noise.maxGapMs);
    expect(worthANotice(noise, run(1, 0.2))).toBe(false);
    expect(worthANotice(noise, run(2, 0.2))).toBe(false);
    expect(worthANotice(noise, run(3, 0.2))).toBe(true);
    expect(worthANotice(noise, run(1, 5))).toBe(true);
    expect(worthANotice(noise, run(1, 4.9))).toBe(false);
  });

  it('water: one class below target needs a second reading; two classes below is at once', () => {
    const III: ObservationAssessment = { breach: true, waterClass: 'III' };
    expect(worthANotice(water, readings([0, III]))).toBe(false);
    expect(worthANotice(water, readings([0, III], [4, III]))).toBe(true);
    expect(worthANotice(water, readings([0, { breach: true, waterClass: 'IV' }]))).toBe(true);
  });

  it('air: 轻度/中度 must last an hour; 重度 or worse at once', () => {
    const light: ObservationAssessment = { breach: true, aqi: 120, category: 3 };
    expect(worthANotice(air, readings([0, light]))).toBe(false);
    expect(worthANotice(air, readings([0, light], [1, light]))).toBe(true);
    expect(worthANotice(air, readings([0, { breach: true, aqi: 230, category: 5 }]))).toBe(true);
  });
});
