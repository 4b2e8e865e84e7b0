import { describe, expect, it } from 'vitest';
import { canReach } from '../../../../shared/domain/lifecycle.js';
import { alertInput, gridEventInput, indicatorInput, observationInput } from '../../../../shared/schemas/index.js';
import { districtOf } from '../../../../mock-data/generators/location.js';
import { SimEngine } from '../../../../mock-data/simulator/engine.js';
import type { Outbound } from '../../../../mock-data/simulator/messages.js';
import { HOUR } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

/** A Wednesday 08:00 in Yangjiang. */
const START = Date.parse('2026-06-10T08:00:00+08:00');

function run(seed: number, hours: number, scenario: 'normal' | 'typhoon' = 'normal'): Outbound[] {
  const engine = new SimEngine({ city: fixtureCity(), seed, scenario, start: START });
  return [...engine.initial(), ...engine.advance(START + hours * HOUR)];
}

function isValid(m: Outbound): boolean {
  switch (m.channel) {
    case 'grid':
      return gridEventInput.safeParse(m.payload).success;
    case 'observation':
      return observationInput.safeParse(m.payload).success;
    case 'indicators':
      return m.payload.every((row) => indicatorInput.safeParse(row).success);
    case 'alert':
      return alertInput.safeParse(m.payload).success;
    case 'open311':
      return m.payload.service_code.length > 0 && Number.isFinite(Number(m.payload.lat)) && Number.isFinite(Number(m.payload.long));
  }
}

describe('SimEngine (normal scenario)', () => {
  it('gives the identical message sequence for the same seed and start', () => {
    const a = run(7, 3);
    const b = run(7, 3);
    expect(a.length).toBeGreaterThan(500);
    expect(b.slice(0, 2000)).toEqual(a.slice(0, 2000));
  });

  it('gives a different sequence for a different seed', () => {
    const grid = (ms: Outbound[]) =>
      ms
        .filter((m) => m.channel === 'grid')
        .slice(0, 50)
        .map((m) => m.payload);
    expect(grid(run(7, 3))).not.toEqual(grid(run(8, 3)));
  });

  it('does not depend on how simulated time is sliced into ticks', () => {
    const whole = run(3, 2);
    const engine = new SimEngine({ city: fixtureCity(), seed: 3, scenario: 'normal', start: START });
    const sliced = [...engine.initial()];
    for (let t = START; t <= START + 2 * HOUR; t += 7_777) sliced.push(...engine.advance(t));
    sliced.push(...engine.advance(START + 2 * HOUR));
    expect(sliced).toEqual(whole);
  });

  it('produces only payloads the shared ingest schemas accept', () => {
    const messages = run(11, 6);
    const channels = new Set(messages.map((m) => m.channel));
    expect([...channels].sort()).toEqual(['alert', 'grid', 'indicators', 'observation', 'open311']);
    const invalid = messages.filter((m) => !isValid(m));
    expect(invalid.slice(0, 3)).toEqual([]);
  });

  it('emits messages in time order', () => {
    const live = run(5, 4).filter((m) => m.at >= START);
    for (let i = 1; i < live.length; i++) expect(live[i]!.at).toBeGreaterThanOrEqual(live[i - 1]!.at);
  });

  it('moves each case forward along the lifecycle, back only by a send-back (返工) after feedback, department set from dispatch on', () => {
    const byCase = new Map<string, Outbound[]>();
    for (const m of run(9, 12)) if (m.channel === 'grid') byCase.set(m.payload.sourceId, [...(byCase.get(m.payload.sourceId) ?? []), m]);
    expect(byCase.size).toBeGreaterThan(200);
    let sentBack = 0;
    for (const steps of byCase.values()) {
      const payloads = steps.map((s) => (s.channel === 'grid' ? s.payload : null)!);
      expect(payloads[0]!.status).toBe('reported');
      let status = payloads[0]!.status!;
      let at = Date.parse(payloads[0]!.statusAt!);
      for (const p of payloads.slice(1)) {
        const back = p.steps?.[0];
        if (back) {
          expect(back.action).toBe('send_back');
          expect(status).toBe('feedback');
          expect(Date.parse(back.at)).toBeGreaterThan(at);
          [status, at] = ['in_progress', Date.parse(back.at)];
          sentBack++;
          continue;
        }
        expect(canReach(status, p.status!)).toBe(true);
        expect(Date.parse(p.statusAt!)).toBeGreaterThanOrEqual(at);
        if (p.status === 'dispatched') expect(p.department).toBeTruthy();
        [status, at] = [p.status!, Date.parse(p.statusAt!)];
      }
    }
    expect(sentBack).toBeGreaterThan(0);
  });

  it('places every case inside one of the city districts', () => {
    const city = fixtureCity();
    const reported = run(4, 6).flatMap((m) => (m.channel === 'grid' && m.payload.status === 'reported' ? [m.payload.location] : []));
    expect(reported.length).toBeGreaterThan(100);
    expect(reported.filter((p) => !districtOf(city, p))).toEqual([]);
  });

  it('makes 江城区 the busiest district', () => {
    const city = fixtureCity();
    const counts = new Map<string, number>();
    for (const m of run(2, 24)) {
      if (m.channel !== 'grid' || m.payload.status !== 'reported') continue;
      const d = districtOf(city, m.payload.location)!.adcode;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(busiest).toBe('441702');
  });

  it('never marks normal-scenario data as exercise', () => {
    const messages = run(6, 3);
    expect(messages.some((m) => m.channel === 'grid' && m.payload.exercise)).toBe(false);
    expect(messages.filter((m) => m.channel === 'alert').every((m) => m.channel === 'alert' && m.payload.status === 'Actual')).toBe(true);
  });
});
