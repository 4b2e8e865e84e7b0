import { describe, expect, it } from 'vitest';
import { SimEngine } from '../../../../mock-data/simulator/engine.js';
import { fixtureCity } from './fixture-city.js';

describe('a normal scenario run as a drill (--drill)', () => {
  it('sends every stream as exercise data, CAP warnings as Exercise', () => {
    const engine = new SimEngine({ city: fixtureCity(), seed: 1, scenario: 'normal', start: Date.parse('2026-06-10T09:30:00+08:00'), drill: true });
    const out = [...engine.initial(), ...engine.advance(Date.parse('2026-06-10T12:30:00+08:00'))];
    const channels = new Set(out.map((m) => m.channel));
    expect([...channels].sort()).toEqual(['alert', 'grid', 'indicators', 'observation', 'open311']);
    for (const m of out) {
      if (m.channel === 'alert') expect(m.payload.status).toBe('Exercise');
      else if (m.channel === 'indicators') expect(m.payload.every((r) => r.exercise === true)).toBe(true);
      else if (m.channel === 'open311') expect(m.payload.exercise).toBe('true');
      else expect(m.payload.exercise).toBe(true);
    }
  });
});
