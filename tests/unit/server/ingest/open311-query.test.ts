import { describe, expect, it } from 'vitest';
import { findOpen311Requests, parseOpen311Query, type Open311Access } from '../../../../server/src/ingest/open311-query.js';
import type { CaseFilter, CaseQueries } from '../../../../server/src/domain/ports.js';
import { expectHttpError } from './expect-http-error.js';
import { gridCase } from './open311-fixtures.js';

const now = new Date('2026-07-01T00:00:00Z');

describe('parseOpen311Query', () => {
  it('defaults to the last 90 days, open and closed, real cases', () => {
    expect(parseOpen311Query({}, now)).toEqual({
      ids: null,
      codes: null,
      statuses: undefined,
      from: '2026-04-02T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
      exercise: false,
    });
  });

  it('maps status open/closed onto lifecycle stages and splits comma lists', () => {
    const q = parseOpen311Query({ status: 'closed', service_code: 'a,b', service_request_id: 'x, y' }, now);
    expect(q.statuses).toEqual(['closed', 'evaluated', 'rejected']);
    expect(q.codes).toEqual(['a', 'b']);
    expect(q.ids).toEqual(['x', 'y']);
    expect(parseOpen311Query({ status: 'open,closed' }, now).statuses).toBeUndefined();
  });

  it('extends a lone start_date by 90 days (not past now) and a lone end_date back by 90 days', () => {
    expect(parseOpen311Query({ start_date: '2026-06-01T00:00:00Z' }, now)).toMatchObject({ from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(parseOpen311Query({ end_date: '2026-03-31T00:00:00+08:00' }, now)).toMatchObject({ from: '2025-12-30T16:00:00.000Z', to: '2026-03-30T16:00:00.000Z' });
  });

  it('answers 400 for bad dates, a window over 90 days, an inverted window and an unknown status', () => {
    expectHttpError(() => parseOpen311Query({ start_date: '2026-06-01' }, now), 400, 'bad_request');
    expectHttpError(() => parseOpen311Query({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now), 400, 'bad_request');
    expectHttpError(() => parseOpen311Query({ start_date: '2026-06-02T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, now), 400, 'bad_request');
    expect(expectHttpError(() => parseOpen311Query({ status: 'pending' }, now), 400, 'bad_request').message).toContain('status');
  });
});

function pagedCases(total: number, pageSize: number) {
  const calls: CaseFilter[] = [];
  const all = Array.from({ length: total }, (_, i) =>
    gridCase({ id: `c${i}`, category: i % 2 ? 'illegal_parking' : 'manhole_cover', reportedAt: new Date(Date.UTC(2026, 5, 1) - i * 60_000).toISOString() }),
  );
  const cases: CaseQueries = {
    async list(f) {
      calls.push(f);
      const start = f.cursor ? Number(f.cursor) : 0;
      const n = Math.min(pageSize, f.limit ?? pageSize);
      const items = all.filter((c) => !f.category || c.category === f.category).slice(start, start + n);
      return { items, nextCursor: start + n < total ? String(start + n) : null };
    },
    async get(id) {
      return all.find((c) => c.id === id) ?? null;
    },
    async open311Extras() {
      return new Map();
    },
  };
  return { cases, calls };
}

const CITY: Open311Access = { public: false, districts: null };

describe('findOpen311Requests', () => {
  it('follows the cursor up to the 1000-result maximum', async () => {
    const { cases, calls } = pagedCases(1500, 300);
    const found = await findOpen311Requests(cases, parseOpen311Query({}, now), CITY);
    expect(found).toHaveLength(1000);
    expect(calls.map((c) => c.cursor)).toEqual([undefined, '300', '600', '900']);
    expect(calls[0]).toMatchObject({ districts: null, exercise: false, reportedFrom: '2026-04-02T00:00:00.000Z' });
  });

  it('looks ids up directly, skipping unknown ones', async () => {
    const { cases, calls } = pagedCases(5, 10);
    const found = await findOpen311Requests(cases, parseOpen311Query({ service_request_id: 'c3,zzz,c1' }, now), CITY);
    expect(found.map((c) => c.id)).toEqual(['c3', 'c1']);
    expect(calls).toHaveLength(0);
  });

  it('asks once for all the service codes, each named once however often it was repeated', async () => {
    const { cases, calls } = pagedCases(4, 10);
    await findOpen311Requests(cases, parseOpen311Query({ service_code: 'manhole_cover,illegal_parking,manhole_cover' }, now), CITY);
    expect(calls.map((c) => c.categories)).toEqual([['manhole_cover', 'illegal_parking']]);
    expect(parseOpen311Query({ service_code: 'a, a,b' }, now).codes).toEqual(['a', 'b']);
    expect(parseOpen311Query({ service_code: ['a', 'a'] }, now).codes).toEqual(['a']);
  });

  it('shows the public only Open311-filed, non-drill requests, and a signed-in reader its districts', async () => {
    const { cases, calls } = pagedCases(4, 10);
    await findOpen311Requests(cases, parseOpen311Query({ exercise: 'true' }, now), { public: true, districts: null });
    expect(calls[0]).toMatchObject({ source: 'open311', exercise: false });
    await findOpen311Requests(cases, parseOpen311Query({ exercise: 'true' }, now), { public: false, districts: ['441702'] });
    expect(calls[1]).toMatchObject({ districts: ['441702'], exercise: true });
    expect(calls[1]!.source).toBeUndefined();
  });
});
