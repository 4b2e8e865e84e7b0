import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseCategoriesView } from '../../../../client/src/live/cases/case-categories.view.js';
import { CaseTrendView } from '../../../../client/src/live/cases/case-trend.view.js';
import { CaseMapView } from '../../../../client/src/live/cases/case-map.view.js';
import { caseViews } from '../../../../client/src/live/cases/index.js';
import type { ViewSpec } from '../../../../client/src/live/protocol.js';
import type { CaseTrendHour, HourlyStats } from '../../../../shared/contracts/stats.js';
import { fedView } from './fixtures.js';
import { gridCase } from '../widgets/fixtures.js';

const H = 3_600_000;
// 10:30 China time on 1 July; the China day began at 2026-06-30T16:00Z.
const AS_OF = Date.parse('2026-07-01T02:30:00Z');
const at = (minutesAfterAsOf: number) => new Date(AS_OF + minutesAfterAsOf * 60_000).toISOString();
const LAST_HOUR = Math.floor(AS_OF / H);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(AS_OF + 5 * 60_000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CaseCategoriesView', () => {
  const spec = (scope: 'today' | 'open', limit = 10): Extract<ViewSpec, { kind: 'case-categories' }> => ({ kind: 'case-categories', mode: 'real', scope, limit });

  it('counts open cases per category, largest first, at most `limit`', () => {
    const { view } = fedView(new CaseCategoriesView(spec('open', 2)), [
      gridCase({ id: 'a', category: 'garbage' }),
      gridCase({ id: 'b', category: 'garbage', status: 'dispatched' }),
      gridCase({ id: 'c', category: 'manhole_cover' }),
      gridCase({ id: 'd', category: 'noise' }),
      gridCase({ id: 'e', category: 'noise' }),
      gridCase({ id: 'f', category: 'noise', status: 'closed' }),
      gridCase({ id: 'g', category: 'noise', status: 'rejected' }),
      gridCase({ id: 'h', category: 'parking', status: 'evaluated' }),
    ]);
    expect(view.take(Date.now())).toEqual([
      { group: 'garbage', count: 2 },
      { group: 'noise', count: 2 },
    ]);
  });

  it('counts only cases reported since midnight China time for `today`, open or not', () => {
    const { view } = fedView(new CaseCategoriesView(spec('today')), [
      gridCase({ id: 'a', category: 'garbage', reportedAt: '2026-06-30T16:00:00.000Z' }),
      gridCase({ id: 'b', category: 'garbage', reportedAt: at(-60), status: 'closed' }),
      gridCase({ id: 'c', category: 'noise', reportedAt: '2026-06-30T15:59:59.000Z' }),
    ]);
    expect(view.take(Date.now())).toEqual([{ group: 'garbage', count: 2 }]);
  });

  it('posts the rows first, then only when they changed', () => {
    const { view, change } = fedView(new CaseCategoriesView(spec('open')), [gridCase({ id: 'a', category: 'garbage' })]);
    expect(view.take(Date.now())).toEqual([{ group: 'garbage', count: 1 }]);
    expect(view.take(Date.now())).toBeNull();
    change(gridCase({ id: 'a', category: 'garbage', status: 'in_progress' }));
    expect(view.take(Date.now())).toBeNull();
    change(gridCase({ id: 'b', category: 'noise' }), gridCase({ id: 'c', category: 'noise' }));
    expect(view.take(Date.now())).toEqual([
      { group: 'noise', count: 2 },
      { group: 'garbage', count: 1 },
    ]);
    change(gridCase({ id: 'a', category: 'garbage', status: 'closed' }));
    expect(view.take(Date.now())).toEqual([{ group: 'noise', count: 2 }]);
  });

  it('stops counting a case that left the partition (became a drill case)', () => {
    const { view, change } = fedView(new CaseCategoriesView(spec('open')), [gridCase({ id: 'a', category: 'garbage' }), gridCase({ id: 'b', category: 'noise' })]);
    view.take(Date.now());
    change(gridCase({ id: 'a', category: 'garbage', exercise: true }));
    expect(view.take(Date.now())).toEqual([{ group: 'noise', count: 1 }]);
  });

  it("starts today's count over when the day turns, at the next take, whether or not a case arrived", () => {
    const { view } = fedView(new CaseCategoriesView(spec('today')), [gridCase({ id: 'a', category: 'garbage', reportedAt: at(-60) })]);
    expect(view.take(Date.now())).toEqual([{ group: 'garbage', count: 1 }]);
    // 00:00:30 China time the next day.
    expect(view.take(Date.parse('2026-07-01T16:00:30.000Z'))).toEqual([]);
  });

  it('posts empty rows once for an empty partition', () => {
    const { view } = fedView(new CaseCategoriesView(spec('open')), []);
    expect(view.take(Date.now())).toEqual([]);
    expect(view.take(Date.now())).toBeNull();
  });

  it('recounts from scratch on a reset', () => {
    const { book, view } = fedView(new CaseCategoriesView(spec('open')), [gridCase({ id: 'a', category: 'garbage' }), gridCase({ id: 'b', category: 'noise' })]);
    view.take(Date.now());
    book.reset([gridCase({ id: 'z', category: 'parking' })], Date.now());
    view.reset(book.parts.real);
    expect(view.take(Date.now())).toEqual([{ group: 'parking', count: 1 }]);
  });
});

describe('CaseTrendView', () => {
  const stats = (hours = 24): HourlyStats<CaseTrendHour> => ({
    asOf: new Date(AS_OF).toISOString(),
    hours: Array.from({ length: hours }, (_, i) => ({ hour: new Date((LAST_HOUR - hours + 1 + i) * H).toISOString(), reported: i, closed: 1 })),
  });
  const spec = (hours = 24): Extract<ViewSpec, { kind: 'case-trend' }> => ({ kind: 'case-trend', mode: 'real', hours, seed: stats(hours) });
  const now = () => Date.now();

  it('is the server’s hours, oldest first, plus the live cases reported after they were counted', () => {
    const { view } = fedView(new CaseTrendView(spec()), [gridCase({ id: 'new', reportedAt: at(2) }), gridCase({ id: 'old', reportedAt: at(-10) })]);
    const rows = view.take(now())!;
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual({ hour: LAST_HOUR - 23, reported: 0, closed: 1 });
    expect(rows[22]).toEqual({ hour: LAST_HOUR - 1, reported: 22, closed: 1 });
    expect(rows[23]).toEqual({ hour: LAST_HOUR, reported: 24, closed: 1 });
  });

  it('keeps the seed’s window length', () => {
    const { view } = fedView(new CaseTrendView(spec(6)), []);
    expect(view.take(now())!.map((r) => r.hour)).toEqual([0, 1, 2, 3, 4, 5].map((i) => LAST_HOUR - 5 + i));
  });

  it('posts the rows first, then only when a count moved', () => {
    const { view, change } = fedView(new CaseTrendView(spec()), [gridCase({ id: 'a', reportedAt: at(2) })]);
    expect(view.take(now())).not.toBeNull();
    expect(view.take(now())).toBeNull();
    change(gridCase({ id: 'a', reportedAt: at(2), status: 'registered' }));
    change(gridCase({ id: 'old', reportedAt: at(-30), status: 'dispatched' }));
    expect(view.take(now())).toBeNull();
    change(gridCase({ id: 'b', reportedAt: at(4) }));
    expect(view.take(now())!.at(-1)).toEqual({ hour: LAST_HOUR, reported: 25, closed: 1 });
  });

  it('counts a case closed live in its closing hour', () => {
    const { view, change } = fedView(new CaseTrendView(spec()), [gridCase({ id: 'a', reportedAt: at(-120) })]);
    view.take(now());
    change(gridCase({ id: 'a', reportedAt: at(-120), status: 'closed', closedAt: at(3) }));
    expect(view.take(now())!.at(-1)).toEqual({ hour: LAST_HOUR, reported: 23, closed: 2 });
  });

  it('posts the slid window when a new hour begins, even without a change', () => {
    const { view } = fedView(new CaseTrendView(spec()), []);
    view.take(now());
    vi.setSystemTime(AS_OF + 31 * 60_000);
    const rows = view.take(Date.now())!;
    expect(rows).toHaveLength(24);
    expect(rows[0]).toEqual({ hour: LAST_HOUR - 22, reported: 1, closed: 1 });
    expect(rows[23]).toEqual({ hour: LAST_HOUR + 1, reported: 0, closed: 0 });
    expect(view.take(Date.now())).toBeNull();
  });

  it('recounts from the seed on a reset, counting each live case once', () => {
    const { book, view } = fedView(new CaseTrendView(spec()), [gridCase({ id: 'a', reportedAt: at(1) })]);
    view.take(now());
    book.reset([gridCase({ id: 'a', reportedAt: at(1) }), gridCase({ id: 'b', reportedAt: at(3) })], Date.now());
    view.reset(book.parts.real);
    expect(view.take(now())!.at(-1)).toEqual({ hour: LAST_HOUR, reported: 25, closed: 1 });
  });
});

describe('caseViews', () => {
  it('builds the view of each kind, loading the density view on demand', async () => {
    expect(await caseViews.create({ kind: 'case-map', mode: 'real', bbox: [111, 21, 113, 23], zoom: 10, clusterRadius: 50, clusterMaxZoom: 14 })).toBeInstanceOf(CaseMapView);
    expect(await caseViews.create({ kind: 'case-categories', mode: 'real', scope: 'open', limit: 5 })).toBeInstanceOf(CaseCategoriesView);
    expect(await caseViews.create({ kind: 'case-trend', mode: 'real', hours: 24, seed: { asOf: new Date(AS_OF).toISOString(), hours: [] } })).toBeInstanceOf(CaseTrendView);
    const { CaseHexView } = await import('../../../../client/src/live/cases/case-hex.view.js');
    expect(await caseViews.create({ kind: 'case-hex', mode: 'drill', resolution: 7 })).toBeInstanceOf(CaseHexView);
  });
});
