import { describe, expect, it } from 'vitest';
import type { GridEventInput } from '../../../../shared/schemas/grid-event.js';
import { loadSimCity } from '../../../../mock-data/simulator/city.js';
import { SimEngine } from '../../../../mock-data/simulator/engine.js';
import { HOUR } from '../../../../mock-data/simulator/time.js';

/** A Wednesday 08:00 in Yangjiang. */
const START = Date.parse('2026-06-10T08:00:00+08:00');
const WEEK_H = 7 * 24;

/** Each case's last known state after a week back-filled before START, as the server would hold it. */
async function weekOfCases(): Promise<{ cases: Map<string, GridEventInput>; open311: number }> {
  const engine = new SimEngine({ city: await loadSimCity('441700'), seed: 3, scenario: 'normal', start: START, backfillHours: WEEK_H, historyHours: 0 });
  const cases = new Map<string, GridEventInput>();
  let open311 = 0;
  for (const m of engine.advance(START)) {
    if (m.channel === 'grid') cases.set(m.payload.sourceId, m.payload);
    if (m.channel === 'open311') open311++;
  }
  return { cases, open311 };
}

// Issue 10 #16: a fresh install showed 30 % closure, an empty 24-hour chart and one text per category.
describe("a week back-filled before the start (the demo's fresh install)", async () => {
  const { cases, open311 } = await weekOfCases();
  const all = [...cases.values()];

  it('sends back-filled citizen reports as dated case records, never through Open311 (which stamps them now)', () => {
    expect(open311).toBe(0);
    const citizens = all.filter((c) => c.source === 'citizen');
    expect(citizens.length / all.length).toBeGreaterThan(0.03);
    const registered = citizens.filter((c) => c.status !== 'rejected');
    expect(registered.filter((c) => c.status === 'closed').length / registered.length).toBeGreaterThan(0.9);
  });

  it('covers the whole week, every hour of the last day included', () => {
    const reported = all.map((c) => Date.parse(c.reportedAt));
    expect(Math.min(...reported)).toBeLessThan(START - (WEEK_H - 1) * HOUR);
    const hours = new Set(reported.filter((t) => t >= START - 24 * HOUR).map((t) => Math.floor((START - t) / HOUR)));
    expect(hours.size).toBe(24);
    expect(all.length).toBeGreaterThan(7 * 1500);
  });

  it('handles cases as a real city does: closure rate 93–99 %, most closed well within the deadline', () => {
    const registered = all.filter((c) => c.status !== 'reported' && c.status !== 'rejected');
    const closed = registered.filter((c) => c.status === 'closed' || c.status === 'evaluated');
    const rate = closed.length / registered.length;
    expect(rate).toBeGreaterThan(0.93);
    expect(rate).toBeLessThan(0.995);
    // Older than two days, practically everything is closed: what is open is the last day's work
    // and the works counted in working days (road repairs, illegal construction: up to five
    // working days, a weekend on top).
    const older = registered.filter((c) => Date.parse(c.reportedAt) < START - 48 * HOUR);
    expect(older.filter((c) => c.status === 'closed').length / older.length).toBeGreaterThan(0.97);
    const rejected = all.filter((c) => c.status === 'rejected').length / all.length;
    expect(rejected).toBeGreaterThan(0.03);
    expect(rejected).toBeLessThan(0.1);
  });

  it('writes different reports for cases of one category: places, details and wording vary', () => {
    const byCategory = new Map<string, GridEventInput[]>();
    for (const c of all) byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
    const [, busiest] = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const sample = busiest.slice(0, 300);
    const distinct = (f: (c: GridEventInput) => string | null | undefined) => new Set(sample.map(f)).size / sample.length;
    expect(distinct((c) => c.description)).toBeGreaterThan(0.8);
    expect(distinct((c) => c.title)).toBeGreaterThan(0.3);
    expect(distinct((c) => c.address)).toBeGreaterThan(0.5);
    // The city pack's own places (camera sites, schools, markets) appear in the addresses.
    expect(all.some((c) => /农贸市场|渔港|交叉口|小学|公园/.test(c.address ?? ''))).toBe(true);
    // A detail fits its category: an illegal structure is not a muck truck, a hydrant not a generic complaint.
    for (const c of all.filter((x) => x.category === 'illegal_construction')) expect(c.description).not.toMatch(/渣土|扬尘|带泥/);
    expect(all.filter((x) => x.category === 'fire_hydrant').every((c) => /消火栓/.test(c.description ?? ''))).toBe(true);
    // A hotline report reads like a caller, an inspector's like a finding.
    expect(all.filter((c) => c.source === 'hotline').every((c) => /市民|来电/.test(c.description ?? ''))).toBe(true);
  });
});

describe('the readings of a back-filled week', () => {
  it('are hourly for the older days but keep the live pace for the last hours, so every air station is current at the start', async () => {
    const engine = new SimEngine({ city: await loadSimCity('441700'), seed: 3, scenario: 'normal', start: START, backfillHours: WEEK_H, historyHours: 0 });
    const air = engine.advance(START).flatMap((m) => (m.channel === 'observation' && m.payload.kind === 'air' ? [m] : []));
    const minutes = (from: number, to: number) => new Set(air.filter((m) => m.at >= from && m.at < to).map((m) => new Date(m.at).getUTCMinutes()));
    // Two days back: on the hour only.
    expect([...minutes(START - 48 * HOUR, START - 47 * HOUR)]).toEqual([0]);
    // The last hour: every 5 minutes, and each station's latest reading at most 5 minutes old.
    expect(minutes(START - HOUR, START).size).toBe(12);
    const latest = new Map<string, number>();
    for (const m of air) if (m.channel === 'observation') latest.set(m.payload.stationId, Math.max(latest.get(m.payload.stationId) ?? 0, m.at));
    expect(Math.min(...latest.values())).toBeGreaterThanOrEqual(START - 5 * 60_000);
  });
});
