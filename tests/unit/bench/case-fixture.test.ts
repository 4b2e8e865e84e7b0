import { beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { fixtureCase, type FixtureSpec } from '../../../bench/lib/case-fixture-gen.js';
import { loadSimCity } from '../../../mock-data/simulator/city.js';
import { caseSource } from '../../../shared/schemas/grid-event.js';
import { deadlineAt } from '../../../shared/domain/lifecycle.js';

const NOW = Date.parse('2026-12-07T00:00:00Z');
let spec: FixtureSpec;

beforeAll(async () => {
  spec = { city: await loadSimCity('441700'), gridResolution: 10, seed: 7, now: NOW, days: 400 };
});

describe('bulk case fixture', () => {
  it('draws the same case for the same spec and index, another for another index', () => {
    expect(fixtureCase(spec, 42)).toEqual(fixtureCase(spec, 42));
    expect(fixtureCase(spec, 43).record.id).not.toBe(fixtureCase(spec, 42).record.id);
  });

  it('keeps each case consistent with its timeline and inside the window', () => {
    const districts = new Set(spec.city.districts.map((d) => d.adcode));
    const categories = new Map(spec.city.categories.map((c) => [c.code, c]));
    const calendar = spec.city.calendar;
    for (let i = 0; i < 2000; i++) {
      const { record: c, timeline } = fixtureCase(spec, i);
      const reported = Date.parse(c.reportedAt);
      expect(reported).toBeGreaterThanOrEqual(NOW - 400 * 86_400_000);
      expect(districts.has(c.district!)).toBe(true);
      expect(c.gridCell).toBe(latLngToCell(c.lat, c.lon, 10));
      const times = timeline.map((t) => Date.parse(t.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t) => t >= reported && t <= NOW)).toBe(true);
      expect(timeline.at(-1)?.status ?? 'reported').toBe(c.status);
      expect(c.version).toBe(1 + timeline.length);
      // Escalated by the overdue job unless a later supervision (督办) set a new due time.
      const lastFlag = timeline.filter((t) => t.action === 'escalate' || t.action === 'supervise').at(-1);
      expect(c.escalated).toBe(lastFlag?.action === 'escalate');
      expect(c.closedAt !== null).toBe(timeline.some((t) => t.status === 'closed'));
      if (c.supervised) expect(c.deadlineAt).toBe(c.supervised.dueAt);
      else if (c.dispatchedAt) expect(c.deadlineAt).toBe(deadlineAt(c.dispatchedAt, categories.get(c.category)!, calendar).toISOString());
      else expect(c.department).toBeNull();
    }
  });

  it('covers every source (12345 among them), the lifecycle and the desk actions', () => {
    const cases = Array.from({ length: 3000 }, (_, i) => fixtureCase(spec, i));
    expect(new Set(cases.map((c) => c.record.source))).toEqual(new Set(caseSource.options));
    expect(cases.filter((c) => c.record.source === 'hotline').every((c) => c.record.sourceId.startsWith('12345-'))).toBe(true);
    const statuses = new Set(cases.map((c) => c.record.status));
    for (const s of ['closed', 'evaluated', 'rejected']) expect(statuses).toContain(s);
    const actions = new Set(cases.flatMap((c) => c.timeline.map((t) => t.action)));
    for (const a of ['register', 'dispatch', 'start', 'feedback', 'close', 'evaluate', 'reject', 'send_back', 'supervise', 'escalate']) expect(actions).toContain(a);
    // Recent reports are still being worked: the window ends in the middle of the lifecycle.
    const recent = Array.from({ length: 3000 }, (_, i) => fixtureCase({ ...spec, days: 1 }, i));
    expect(recent.some((c) => ['reported', 'registered', 'dispatched', 'in_progress', 'feedback'].includes(c.record.status))).toBe(true);
  });
});
