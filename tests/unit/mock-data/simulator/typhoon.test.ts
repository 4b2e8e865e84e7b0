import { describe, expect, it } from 'vitest';
import { gridEventInput } from '../../../../shared/schemas/index.js';
import type { AlertInput } from '../../../../shared/schemas/alert.js';
import { districtOf } from '../../../../mock-data/generators/location.js';
import { stormIntensity } from '../../../../mock-data/scenarios/typhoon.js';
import { DRILL_END_MINUTE, LANDFALL_MINUTE, TYPHOON_TIMELINE, typhoonAlertMessages } from '../../../../mock-data/scenarios/typhoon-timeline.js';
import { SimEngine } from '../../../../mock-data/simulator/engine.js';
import type { Outbound } from '../../../../mock-data/simulator/messages.js';
import { MINUTE } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

const START = Date.parse('2026-08-03T09:00:00+08:00');

function drill(minutes: number, seed = 1): Outbound[] {
  const engine = new SimEngine({ city: fixtureCity(), seed, scenario: 'typhoon', start: START });
  return [...engine.initial(), ...engine.advance(START + minutes * MINUTE)];
}

const alertsOf = (messages: Outbound[]): AlertInput[] => messages.flatMap((m) => (m.channel === 'alert' ? [m.payload] : []));

describe('typhoon drill', () => {
  const messages = drill(DRILL_END_MINUTE + 10);
  const alerts = alertsOf(messages);

  it('raises the typhoon signal blue → yellow → orange → red, then lowers and cancels it', () => {
    const typhoon = alerts.filter((a) => a.category === 'typhoon');
    const seq = typhoon.map((a) => `${a.msgType}:${a.level}`);
    expect(seq.slice(0, 4)).toEqual(['Alert:blue', 'Update:yellow', 'Update:orange', 'Update:red']);
    expect(seq[seq.length - 1]).toMatch(/^Cancel:/);
    const reds = typhoon.findIndex((a) => a.level === 'red');
    expect(typhoon.slice(reds + 1, -1).every((a) => a.msgType === 'Update')).toBe(true);
  });

  it('cancels every signal it issued by the end of the drill', () => {
    const issued = alerts.filter((a) => a.msgType === 'Alert').map((a) => a.category);
    const cancelled = alerts.filter((a) => a.msgType === 'Cancel').map((a) => a.category);
    expect(cancelled.sort()).toEqual(issued.sort());
    expect(issued).toEqual(expect.arrayContaining(['typhoon', 'rainstorm']));
  });

  it('marks every alert as a CAP Exercise', () => {
    expect(alerts.length).toBe(TYPHOON_TIMELINE.length);
    expect(alerts.every((a) => a.status === 'Exercise')).toBe(true);
  });

  it('makes each Update and Cancel reference the previous message of the same signal', () => {
    const lastBy = new Map<string, string>();
    for (const a of alerts) {
      if (a.msgType === 'Alert') expect(a.references ?? []).toEqual([]);
      else expect(a.references).toEqual([lastBy.get(a.category)]);
      lastBy.set(a.category, a.sourceId);
    }
  });

  it('gives the CAP references the sender and sent time of the referenced message', () => {
    const city = fixtureCity();
    const list = typhoonAlertMessages(city, START, (n) => `T-${n}`);
    const second = list[1]!;
    expect(second.channel === 'alert' && second.capReferences).toEqual([{ sender: list[0]!.channel === 'alert' ? list[0]!.payload.sender : '', identifier: 'T-1', sent: '2026-08-03T09:00:00+08:00' }]);
  });

  it('marks every grid event, citizen report and reading as exercise', () => {
    const grid = messages.filter((m) => m.channel === 'grid');
    expect(grid.length).toBeGreaterThan(500);
    expect(grid.every((m) => m.channel === 'grid' && m.payload.exercise === true && gridEventInput.safeParse(m.payload).success)).toBe(true);
    expect(messages.filter((m) => m.channel === 'open311').every((m) => m.channel === 'open311' && m.payload.exercise === 'true')).toBe(true);
    expect(messages.filter((m) => m.channel === 'observation').every((m) => m.channel === 'observation' && m.payload.exercise === true)).toBe(true);
  });

  it('surges waterlogging and fallen-tree cases in the coastal districts around landfall', () => {
    const city = fixtureCity();
    const storm = messages.flatMap((m) => (m.channel === 'grid' && m.payload.status === 'reported' && ['waterlogging', 'fallen_tree'].includes(m.payload.category) ? [m] : []));
    const coastal = storm.filter((m) => m.channel === 'grid' && districtOf(city, m.payload.location)?.coastal);
    expect(coastal.length / storm.length).toBeGreaterThan(0.9);
    const near = (from: number, to: number) => storm.filter((m) => m.at >= START + from * MINUTE && m.at < START + to * MINUTE).length;
    expect(near(LANDFALL_MINUTE - 20, LANDFALL_MINUTE + 20)).toBeGreaterThan(5 * near(0, 40));
  });

  it('strengthens with the wind: more storm cases at red than at blue', () => {
    expect(stormIntensity(LANDFALL_MINUTE)).toBeGreaterThan(10 * stormIntensity(5));
    expect(stormIntensity(DRILL_END_MINUTE + 1)).toBe(0);
  });

  it('stops producing new cases after the drill but keeps handling open ones', () => {
    const engine = new SimEngine({ city: fixtureCity(), seed: 2, scenario: 'typhoon', start: START });
    engine.advance(START + (DRILL_END_MINUTE + 1) * MINUTE);
    const after = engine.advance(START + (DRILL_END_MINUTE + 120) * MINUTE);
    expect(after.some((m) => m.channel === 'grid' && m.payload.status === 'reported')).toBe(false);
    expect(after.some((m) => m.channel === 'grid' && m.payload.status !== 'reported')).toBe(true);
  });
});
