import { describe, expect, it } from 'vitest';
import { GRID_DEFAULTS, gridQuery, parseGridQuery, periodKind } from '../../../../client/src/grid/grid-query.js';

describe('the grid page address', () => {
  it('reads the defaults from a bare /grid and writes nothing back for them', () => {
    expect(parseGridQuery({})).toEqual(GRID_DEFAULTS);
    expect(gridQuery(GRID_DEFAULTS)).toEqual({});
  });

  it('round-trips every choice', () => {
    const state = {
      ...GRID_DEFAULTS,
      tab: 'evaluation' as const,
      metric: 'onTimeClosureRate' as const,
      window: 'custom' as const,
      from: '2026-11-01',
      to: '2026-11-07',
      category: 'manhole_cover',
      district: '441702',
      cell: '8a41084a2467fff',
      case: '13611b9b-8d9e-4241-b4ec-89f6a11406f6',
      period: 'custom',
      periodFrom: '2026-10-01',
      periodTo: '2026-10-31',
      by: 'district' as const,
      drill: true,
    };
    const q = gridQuery(state);
    expect(q).toMatchObject({ tab: 'evaluation', metric: 'onTimeClosureRate', window: 'custom', pfrom: '2026-10-01', pto: '2026-10-31', by: 'district', drill: '1' });
    expect(parseGridQuery(q as Record<string, string>)).toEqual(state);
  });

  it('falls back to the default for anything malformed', () => {
    const s = parseGridQuery({ tab: 'x', metric: 'drop table', window: '90d', month: '2026-13', from: '2026-02-30', district: '44', cell: 'zz', period: '2026-Q9', by: 'street', drill: 'yes' });
    expect(s).toEqual(GRID_DEFAULTS);
  });

  it('takes the first of repeated keys', () => {
    expect(parseGridQuery({ metric: ['overdue', 'count'] }).metric).toBe('overdue');
  });

  it('knows the kind of a period', () => {
    expect([null, '2026-11', '2026-Q4', '2026', 'custom'].map(periodKind)).toEqual(['month', 'month', 'quarter', 'year', 'custom']);
  });
});
