import { describe, expect, it } from 'vitest';
import { addCase, rollupKeyId, type Deltas, type LogRow, type RollupContext, type Step } from '../../../../../server/src/domain/rollups/case-contribution.js';
import type { CaseRecord } from '../../../../../server/src/domain/grid/cases.repository.js';
import fc from 'fast-check';
import { addCounters, COUNTERS, emptyCounters, HEATMAP_COUNTERS, indicatorsOf, metricOf, ranks, scores, type Counters } from '../../../../../shared/domain/indicators.js';
import { HEATMAP_METRICS } from '../../../../../shared/contracts/evaluation.js';
import { rollupContext } from '../../../../../server/src/domain/rollups/rollup-context.js';
import { comparePeriods, dayRange } from '../../../../../server/src/domain/rollups/periods.js';

const ctx: RollupContext = rollupContext(
  new Map([['manhole_cover', { code: 'manhole_cover', name: '井盖', nameEn: 'Manhole', kind: 'facility', department: 'municipal', deadlineHours: 24, clock: 'natural' }]]),
);

/** A case reported at 2026-03-02 09:00 Beijing time (01:00Z), its steps at hour offsets from then. */
function kase(id: string, steps: [number, Step['status'], string][], over: Partial<CaseRecord> = {}): { c: CaseRecord; steps: Step[] } {
  const base = Date.parse('2026-03-02T01:00:00Z');
  const c = {
    id,
    reportedAt: new Date(base).toISOString(),
    district: '441702',
    gridCell: '8a4116a9e4b7fff',
    category: 'manhole_cover',
    department: 'municipal',
    source: 'inspector',
    exercise: false,
    ...over,
  } as CaseRecord;
  return { c, steps: steps.map(([h, status, action]) => ({ at: new Date(base + h * 3_600_000).toISOString(), status, action })) };
}

const ON_TIME = kase('a', [
  [0.5, 'registered', 'register'],
  [1, 'dispatched', 'dispatch'],
  [2, 'in_progress', 'start'],
  [11, 'feedback', 'feedback'],
  [12, 'closed', 'close'],
]);
const LATE = kase('b', [
  [3, 'registered', 'register'],
  [4, 'dispatched', 'dispatch'],
  [5, 'in_progress', 'start'],
  [30, 'in_progress', 'supervise'],
  [40, 'feedback', 'feedback'],
  [41, 'closed', 'close'],
]);
const SENT_BACK = kase('c', [
  [0.2, 'registered', 'register'],
  [1, 'dispatched', 'dispatch'],
  [2, 'in_progress', 'start'],
  [5, 'feedback', 'feedback'],
  [6, 'in_progress', 'send_back'],
  [9, 'feedback', 'feedback'],
]);
const REDISPATCHED = kase('d', [
  [0.5, 'registered', 'register'],
  [1, 'dispatched', 'dispatch'],
  [2, 'dispatched', 'dispatch'],
]);

/** The counters of the given cases summed over every day. */
function total(...cases: { c: CaseRecord; steps: Step[] }[]): Counters {
  const d: Deltas = new Map();
  for (const k of cases) addCase(d, k.c, k.steps, ctx, 1);
  return [...d.values()].reduce((s, r) => addCounters(s, r.c), emptyCounters());
}

describe('evaluation indicators from case rollups', () => {
  it('counts a case handled on time: registered in time, fed back and closed before the deadline', () => {
    const i = indicatorsOf(total(ON_TIME));
    expect(i).toMatchObject({
      reported: 1,
      registered: 1,
      dispatched: 1,
      closed: 1,
      onTimeRegistrationRate: 1,
      accurateDispatchRate: 1,
      disposalRate: 1,
      onTimeDisposalRate: 1,
      closureRate: 1,
      onTimeClosureRate: 1,
      sendBackRate: 0,
      supervised: 0,
    });
    expect(i.avgHandlingHours).toBe(10); // dispatched at +1 h, fed back at +11 h
  });

  it('counts a late, supervised case: registered late, fed back after its 24-hour deadline', () => {
    const i = indicatorsOf(total(LATE));
    expect(i).toMatchObject({ onTimeRegistrationRate: 0, disposalRate: 1, onTimeDisposalRate: 0, onTimeClosureRate: 0, closureRate: 1, supervised: 1 });
    expect(i.avgHandlingHours).toBe(36);
  });

  it('counts a send-back as rework and each feedback in the mean handling time', () => {
    const s = total(SENT_BACK);
    expect(s).toMatchObject({ fed_back: 2, sent_back: 1, handling_count: 2, handling_hours: 4 + 8, due: 1, due_fed_back: 1, due_fed_back_on_time: 1, closed: 0 });
    expect(indicatorsOf(s)).toMatchObject({ sendBackRate: 0.5, closureRate: 0, onTimeClosureRate: 0, avgHandlingHours: 6 });
  });

  it('counts a re-dispatched case against accurate dispatch', () => {
    expect(indicatorsOf(total(ON_TIME, REDISPATCHED)).accurateDispatchRate).toBe(0.5);
  });

  it('sums four cases into the rates a hand count gives', () => {
    const i = indicatorsOf(total(ON_TIME, LATE, SENT_BACK, REDISPATCHED));
    expect(i).toMatchObject({ reported: 4, registered: 4, dispatched: 4, closed: 2, onTimeRegistrationRate: 0.75, closureRate: 0.5, sendBackRate: 0.25, supervised: 1 });
    // Due: a, b, c, d (d's deadline runs from its second dispatch); fed back: a, b, c; on time: a, c.
    expect(i).toMatchObject({ disposalRate: 0.75, onTimeDisposalRate: 0.5, onTimeClosureRate: 0.25 });
  });

  it('puts each counter on its own local day and the on-time outcomes on the deadline day', () => {
    const d: Deltas = new Map();
    addCase(d, LATE.c, LATE.steps, ctx, 1);
    const byDay = new Map([...d.values()].map((r) => [r.key.day, r.c]));
    expect(byDay.get('2026-03-02')).toMatchObject({ reported: 1, registered: 1, dispatched: 1, due: 0 });
    expect(byDay.get('2026-03-03')).toMatchObject({ due: 1, supervised: 1, fed_back: 0 }); // deadline 2026-03-03 13:00 local
    expect(byDay.get('2026-03-04')).toMatchObject({ fed_back: 1, closed: 1 }); // +40 h = 03-04 01:00 local
  });

  it('gives heatmap metrics, and null where the denominator is 0', () => {
    const s = total(ON_TIME, SENT_BACK);
    expect(metricOf('count', s, 0.5)).toBe(2);
    expect(metricOf('density', s, 0.5)).toBe(4);
    expect(metricOf('sendBacks', s, 1)).toBe(1);
    expect(metricOf('overdue', s, 1)).toBe(0);
    expect(metricOf('closureRate', emptyCounters(), 1)).toBeNull();
  });

  it('scores by weights (返工率 inverted) and ranks ties alike', () => {
    const a = indicatorsOf(total(ON_TIME));
    const c = indicatorsOf(total(SENT_BACK));
    const s = scores([a, c, a], { onTimeClosureRate: 2, sendBackRate: 2 });
    expect(s).toEqual([100, 25, 100]); // c: on-time closure 0, send-back 0.5 → (0 + 0.5·2) / 4
    expect(ranks(s)).toEqual([1, 3, 1]);
  });
});

describe('a case as rollup-log rows (what ingest logs for a new case)', () => {
  it('adds up, row by row, to the same deltas as the summed form', () => {
    const hotline = kase('e', [[0.5, 'registered', 'register']], { source: 'hotline' });
    for (const k of [ON_TIME, LATE, SENT_BACK, REDISPATCHED, hotline]) {
      const rows: LogRow[] = [];
      addCase(rows, k.c, k.steps, ctx, 1);
      const summed: Deltas = new Map();
      addCase(summed, k.c, k.steps, ctx, 1);
      const fromRows = new Map<string, Counters>();
      for (const r of rows) {
        const [day, district, cell, category, department, source, exercise] = r as [string, string, string, string, string, string, boolean];
        const id = rollupKeyId({ day, district, cell, category, department, source, exercise });
        const c = fromRows.get(id) ?? emptyCounters();
        for (let j = 7; j < r.length; j += 2) c[COUNTERS[r[j] as number]!] += r[j + 1] as number;
        fromRows.set(id, c);
      }
      expect(Object.fromEntries(fromRows)).toEqual(Object.fromEntries([...summed].map(([id, { c }]) => [id, c])));
      // only counters that change are written: a report alone is (reported, 1), plus (hotline, 1) from the hotline
      expect(rows.every((r) => r.slice(7).every((v, j) => j % 2 === 0 || v !== 0))).toBe(true);
    }
    const report: LogRow[] = [];
    addCase(report, hotline.c, [], ctx, 1);
    expect(report).toEqual([['2026-03-02', '441702', '8a4116a9e4b7fff', 'manhole_cover', 'municipal', 'hotline', false, COUNTERS.indexOf('reported'), 1, COUNTERS.indexOf('hotline'), 1]]);
  });
});

describe('indicators on the working-hours clock', () => {
  const calendar = {
    utcOffsetMinutes: 480,
    workdays: [1, 2, 3, 4, 5],
    hours: [
      ['09:00', '12:00'],
      ['14:00', '18:00'],
    ] as [string, string][],
    holidays: ['2026-03-09'],
    workingDays: [],
  };
  const working = rollupContext(
    new Map([['manhole_cover', { code: 'manhole_cover', name: '井盖', nameEn: 'Manhole', kind: 'facility', department: 'municipal', deadlineHours: 4, clock: 'working' }]]),
    { calendar },
  );

  it('counts handling hours and the deadline across a weekend and a holiday in working hours', () => {
    // Dispatched Friday 6 March 17:00, fed back Tuesday 10 March 10:00 (Monday a holiday): 1 h + 1 h.
    const c = {
      id: 'w',
      reportedAt: '2026-03-06T08:30:00Z',
      district: '441702',
      gridCell: 'x',
      category: 'manhole_cover',
      department: 'municipal',
      source: 'inspector',
      exercise: false,
    } as CaseRecord;
    const steps: Step[] = [
      { at: '2026-03-06T08:40:00Z', status: 'registered', action: 'register' },
      { at: '2026-03-06T09:00:00Z', status: 'dispatched', action: 'dispatch' },
      { at: '2026-03-10T02:00:00Z', status: 'feedback', action: 'feedback' },
    ];
    const d: Deltas = new Map();
    addCase(d, c, steps, working, 1);
    const s = [...d.values()].reduce((a, r) => addCounters(a, r.c), emptyCounters());
    expect(indicatorsOf(s)).toMatchObject({ avgHandlingHours: 2, onTimeDisposalRate: 1 }); // due Tuesday 12:00, not Saturday
    expect([...d.values()].find((r) => r.c.due === 1)!.key.day).toBe('2026-03-10');
  });
});

describe('period comparison', () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  const iso = (local: string) => at(local).toISOString();
  const month = { kind: 'month', utcOffsetMinutes: 480 } as const;

  it('compares custom days with the period of equal length before (环比) and the same days last year (同比)', () => {
    const p = comparePeriods(at('2026-03-01T00:00:00'), at('2026-04-01T00:00:00'));
    expect(p.previousFrom.toISOString()).toBe(iso('2026-01-29T00:00:00'));
    expect(p.previousTo.toISOString()).toBe(iso('2026-03-01T00:00:00'));
    expect(p.lastYearFrom.toISOString()).toBe(iso('2025-03-01T00:00:00'));
    expect(p.lastYearTo.toISOString()).toBe(iso('2025-04-01T00:00:00'));
  });

  it('compares January with December of the year before', () => {
    const p = comparePeriods(at('2026-01-01T00:00:00'), at('2026-02-01T00:00:00'), month);
    expect([p.previousFrom.toISOString(), p.previousTo.toISOString()]).toEqual([iso('2025-12-01T00:00:00'), iso('2026-01-01T00:00:00')]);
    expect([p.lastYearFrom.toISOString(), p.lastYearTo.toISOString()]).toEqual([iso('2025-01-01T00:00:00'), iso('2025-02-01T00:00:00')]);
  });

  it('compares March with the whole of February in a leap year, and 同比 with March of the year before', () => {
    const p = comparePeriods(at('2028-03-01T00:00:00'), at('2028-04-01T00:00:00'), month);
    expect([p.previousFrom.toISOString(), p.previousTo.toISOString()]).toEqual([iso('2028-02-01T00:00:00'), iso('2028-03-01T00:00:00')]);
    expect(dayRange(p.previousFrom, p.previousTo, 480)).toEqual({ fromDay: '2028-02-01', toDay: '2028-02-29' });
    expect([p.lastYearFrom.toISOString(), p.lastYearTo.toISOString()]).toEqual([iso('2027-03-01T00:00:00'), iso('2027-04-01T00:00:00')]);
    // A whole short month compares with the whole longer month before, not its first 29 days.
    const feb = comparePeriods(at('2028-02-01T00:00:00'), at('2028-03-01T00:00:00'), month);
    expect(dayRange(feb.previousFrom, feb.previousTo, 480)).toEqual({ fromDay: '2028-01-01', toDay: '2028-01-31' });
  });

  it('compares a month still running on its 7th day with the first 7 days of the month before and of last year', () => {
    const p = comparePeriods(at('2026-03-01T00:00:00'), at('2026-03-07T10:30:00'), month);
    expect(dayRange(p.from, p.to, 480)).toEqual({ fromDay: '2026-03-01', toDay: '2026-03-07' });
    expect(dayRange(p.previousFrom, p.previousTo, 480)).toEqual({ fromDay: '2026-02-01', toDay: '2026-02-07' });
    expect(dayRange(p.lastYearFrom, p.lastYearTo, 480)).toEqual({ fromDay: '2025-03-01', toDay: '2025-03-07' });
    // On the 31st, the month before is read whole, never into this month.
    const late = comparePeriods(at('2026-03-01T00:00:00'), at('2026-03-31T10:30:00'), month);
    expect(late.previousTo.toISOString()).toBe(iso('2026-03-01T00:00:00'));
  });

  it('compares a quarter with the quarter before, a year with the year before and a day with the day before', () => {
    const q = comparePeriods(at('2026-01-01T00:00:00'), at('2026-04-01T00:00:00'), { kind: 'quarter', utcOffsetMinutes: 480 });
    expect([q.previousFrom.toISOString(), q.previousTo.toISOString()]).toEqual([iso('2025-10-01T00:00:00'), iso('2026-01-01T00:00:00')]);
    const y = comparePeriods(at('2025-01-01T00:00:00'), at('2026-01-01T00:00:00'), { kind: 'year', utcOffsetMinutes: 480 });
    expect([y.previousFrom.toISOString(), y.previousTo.toISOString()]).toEqual([iso('2024-01-01T00:00:00'), iso('2025-01-01T00:00:00')]);
    const d = comparePeriods(at('2028-02-29T00:00:00'), at('2028-02-29T09:00:00'), { kind: 'day', utcOffsetMinutes: 480 });
    expect([d.previousFrom.toISOString(), d.previousTo.toISOString()]).toEqual([iso('2028-02-28T00:00:00'), iso('2028-02-28T09:00:00')]);
    expect(d.lastYearFrom.toISOString()).toBe(iso('2027-02-28T00:00:00'));
  });

  it('covers the local days a period touches, `to` exclusive', () => {
    expect(dayRange(new Date('2026-03-01T00:00:00+08:00'), new Date('2026-04-01T00:00:00+08:00'), 480)).toEqual({ fromDay: '2026-03-01', toDay: '2026-03-31' });
    expect(dayRange(new Date('2026-03-01T10:00:00+08:00'), new Date('2026-03-01T12:00:00+08:00'), 480)).toEqual({ fromDay: '2026-03-01', toDay: '2026-03-01' });
  });
});

describe('the counters a heatmap metric sums', () => {
  it('are all that metricOf reads: the metric is the same with every other counter left at 0', () => {
    const counters = fc.record(Object.fromEntries(COUNTERS.map((k) => [k, fc.integer({ min: 0, max: 500 })])) as Record<keyof Counters, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(counters, fc.constantFrom(...HEATMAP_METRICS), (all, metric) => {
        const summed = emptyCounters();
        for (const k of HEATMAP_COUNTERS[metric]) summed[k] = all[k];
        expect(metricOf(metric, summed, 0.5)).toBe(metricOf(metric, all, 0.5));
        expect(summed.reported).toBe(all.reported); // each cell's count
      }),
    );
  });
});
