import { afterEach, describe, expect, it, vi } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { simulatedClock } from '../../../../mock-data/simulator/clock.js';
import { startSimulator } from '../../../../mock-data/simulator/start-simulator.js';
import { silentLog } from '../../../../mock-data/simulator/log.js';
import { DRILL_END_MINUTE } from '../../../../mock-data/scenarios/index.js';
import { MINUTE } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

const NOW = Date.parse('2026-12-06T10:00:00+08:00');
const xml = new XMLParser({ parseTagValue: false });

afterEach(() => vi.useRealTimers());

describe('simulated clock', () => {
  it('plays a fast window that ends at the present, then keeps to the wall clock', () => {
    const clock = simulatedClock({ realStart: NOW, speed: 60, durationMs: 10 * MINUTE });
    expect(clock.start).toBe(NOW - 59 * 10 * MINUTE);
    expect(clock.at(NOW + 5 * MINUTE)).toBe(NOW - 59 * 10 * MINUTE + 300 * MINUTE);
    expect(clock.at(NOW + 10 * MINUTE)).toBe(NOW + 10 * MINUTE);
    expect(clock.at(NOW + 20 * MINUTE)).toBe(NOW + 20 * MINUTE);
  });

  it('places a drill without a duration so that its script ends at the present', () => {
    const clock = simulatedClock({ realStart: NOW, speed: 60, scenarioMs: DRILL_END_MINUTE * MINUTE });
    const realEnd = NOW + (DRILL_END_MINUTE * MINUTE) / 60;
    expect(clock.at(realEnd)).toBe(realEnd);
    expect(clock.at(realEnd) - clock.start).toBe(DRILL_END_MINUTE * MINUTE);
  });

  it('keeps an explicit start and real time at speed 1, and never passes the wall clock', () => {
    expect(simulatedClock({ realStart: NOW, speed: 1 }).start).toBe(NOW);
    const future = simulatedClock({ realStart: NOW, speed: 60, start: NOW + 3_600_000 });
    expect(future.start).toBe(NOW + 3_600_000);
    expect(future.at(NOW + 1000)).toBe(NOW + 1000);
  });
});

/** Every instant a request's payload is dated by (CAP `expires` is a planned end, not an event time). */
function eventTimes(path: string, body: string): number[] {
  if (path.endsWith('/cap')) {
    const a = xml.parse(body).alert;
    return [a.sent, a.info?.effective, a.info?.onset].filter(Boolean).map((s: string) => Date.parse(s));
  }
  if (path.endsWith('/drills') || path.endsWith('/end')) return [];
  if (!body.startsWith('[')) return [];
  const items = JSON.parse(body) as Array<Record<string, unknown>>;
  return items.flatMap((i) => ['observedAt', 'reportedAt', 'statusAt'].filter((k) => typeof i[k] === 'string').map((k) => Date.parse(i[k] as string)));
}

describe('a typhoon drill at 60×', () => {
  it('dates nothing after the wall clock, marks everything exercise and runs inside a drill session', async () => {
    vi.useFakeTimers({ now: NOW });
    const sent: Array<{ path: string; body: string; at: number }> = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const path = new URL(url).pathname;
      sent.push({ path, body: String(init.body), at: Date.now() });
      const body = path === '/api/v1/drills' ? { id: 'drill-1' } : { accepted: 1, ids: [] };
      return new Response(JSON.stringify(body), { status: path === '/api/v1/drills' ? 201 : 202 });
    }) as typeof fetch;
    const sim = await startSimulator({ url: 'http://sim.test', key: 'k', scenario: 'typhoon', speed: 60, city: fixtureCity(), seed: 1, fetchImpl, progressMs: 0, log: silentLog });
    await vi.advanceTimersByTimeAsync(6 * MINUTE);
    await sim.stop();

    const ingest = sent.filter((r) => r.path.startsWith('/api/v1/ingest/') || r.path.startsWith('/open311/'));
    expect(ingest.some((r) => r.path.endsWith('/cap'))).toBe(true);
    const late = ingest.filter((r) => eventTimes(r.path, r.body).some((t) => t > r.at));
    expect(late.map((r) => r.path)).toEqual([]);
    // The script's last warning change (minute 230) was played within the six real minutes.
    const caps = ingest.filter((r) => r.path.endsWith('/cap')).map((r) => xml.parse(r.body).alert);
    expect(caps.some((a) => a.msgType === 'Cancel')).toBe(true);
    expect(caps.every((a) => a.status === 'Exercise')).toBe(true);
    for (const r of ingest.filter((x) => x.body.startsWith('['))) {
      expect((JSON.parse(r.body) as Array<{ exercise?: boolean }>).every((i) => i.exercise === true)).toBe(true);
    }
    const csv = ingest.filter((r) => r.path.endsWith('/indicators') && !r.body.startsWith('['));
    for (const r of csv) expect(r.body.split('\r\n')[0]).toMatch(/,exercise$/);
    expect(sent[0]!.path).toBe('/api/v1/drills');
    expect(sent.at(-1)!.path).toBe('/api/v1/drills/drill-1/end');
  });
});
