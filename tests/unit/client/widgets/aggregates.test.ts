import { describe, expect, it } from 'vitest';
import { CategoryCounts } from '../../../../client/src/model/aggregates/category-counts.js';
import { casesByCategoryOptions } from '../../../../client/src/widgets/CasesByCategory/options.js';
import { rankDistricts } from '../../../../client/src/widgets/DistrictRanking/district-ranking.js';
import { rankStations } from '../../../../client/src/widgets/AqiRanking/aqi-ranking.js';
import { waterMix } from '../../../../client/src/widgets/WaterClassMix/water-class-mix.js';
import { summariseResources } from '../../../../client/src/widgets/ResourceSummary/resource-summary.js';
import { aqiCategory } from '../../../../shared/domain/aqi.js';
import type { Resource } from '../../../../shared/schemas/city-pack.js';
import { airReading, gridCase, vitalSigns, waterReading } from './fixtures.js';

const NOW = Date.parse('2026-07-01T02:30:00Z'); // 10:30 China time
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();

describe('cases by category', () => {
  it('counts cases reported today (China day) per category, following updates', () => {
    const counts = new CategoryCounts('today', NOW);
    counts.counter.apply({
      reset: true,
      items: [
        gridCase({ id: '1', category: 'streetlight', reportedAt: ago(30) }),
        gridCase({ id: '2', category: 'streetlight', reportedAt: ago(60) }),
        gridCase({ id: '3', category: 'road_damage', reportedAt: ago(100) }),
        // 23:50 China time yesterday: not today.
        gridCase({ id: '4', category: 'road_damage', reportedAt: ago(640) }),
      ],
    });
    expect(counts.counter.top()).toEqual([
      { group: 'streetlight', count: 2 },
      { group: 'road_damage', count: 1 },
    ]);
    // A status change does not count a case twice.
    counts.counter.apply({ reset: false, items: [gridCase({ id: '1', category: 'streetlight', reportedAt: ago(30), status: 'closed' })] });
    expect(counts.counter.top()[0]).toEqual({ group: 'streetlight', count: 2 });
  });

  it('counts open cases only in the `open` scope: a closed case leaves its category', () => {
    const counts = new CategoryCounts('open', NOW);
    counts.counter.apply({ reset: true, items: [gridCase({ id: '1', reportedAt: ago(5000) }), gridCase({ id: '2', status: 'dispatched' })] });
    expect(counts.counter.top()).toEqual([{ group: 'manhole_cover', count: 2 }]);
    counts.counter.apply({ reset: false, items: [gridCase({ id: '1', status: 'closed' }), gridCase({ id: '2', status: 'rejected' })] });
    expect(counts.counter.top()).toEqual([]);
  });

  it('starts a new day at 00:00 China time', () => {
    const counts = new CategoryCounts('today', NOW);
    expect(counts.dayChanged(NOW + 13 * 3_600_000)).toBe(false); // 23:30
    expect(counts.dayChanged(NOW + 14 * 3_600_000)).toBe(true); // 00:30 next day
    expect(new CategoryCounts('open', NOW).dayChanged(NOW + 48 * 3_600_000)).toBe(false);
  });

  it('defaults to today, top 8', () => {
    expect(casesByCategoryOptions.parse({})).toEqual({ scope: 'today', limit: 8 });
  });
});

describe('district ranking', () => {
  const items = [
    vitalSigns('441700', 'city', { cases: { today: 100 } }),
    vitalSigns('441702', 'district', { cases: { today: 40, overdue: 0, closureRate: 0.95 } }),
    vitalSigns('441704', 'district', { cases: { today: 25, overdue: 3, closureRate: null } }),
    vitalSigns('441781', 'district', { cases: { today: 35, overdue: 1, closureRate: 0.6 } }),
  ];

  it('ranks districts (not the city) by cases today, highest first', () => {
    expect(rankDistricts(items, 'cases')).toEqual([
      { adcode: '441702', value: 40 },
      { adcode: '441781', value: 35 },
      { adcode: '441704', value: 25 },
    ]);
  });

  it('ranks by overdue cases', () => {
    expect(rankDistricts(items, 'overdue').map((r) => r.adcode)).toEqual(['441704', '441781', '441702']);
  });

  it('ranks by closure rate, best first, a district without a rate last', () => {
    expect(rankDistricts(items, 'closureRate')).toEqual([
      { adcode: '441702', value: 0.95 },
      { adcode: '441781', value: 0.6 },
      { adcode: '441704', value: null },
    ]);
  });
});

describe('AQI ranking', () => {
  it('ranks current air readings worst first, coloured by HJ 633 category', () => {
    const items = [
      airReading('a', ago(10), { pm25: 20 }, 42),
      airReading('b', ago(10), { pm25: 90 }, 160),
      airReading('c', ago(10), { pm25: 60 }, 101),
      airReading('old', ago(200), { pm25: 300 }, 350),
      airReading('unassessed', ago(10), { pm25: 1 }),
      { ...waterReading('w', ago(5), 'II') },
    ];
    const ranked = rankStations(items, NOW, 10);
    expect(ranked.map((s) => [s.stationId, s.aqi, s.level])).toEqual([
      ['b', 160, 4],
      ['c', 101, 3],
      ['a', 42, 1],
    ]);
    expect(ranked.map((s) => s.color)).toEqual([aqiCategory(160).color, aqiCategory(101).color, aqiCategory(42).color]);
  });

  it('cuts at the limit', () => {
    const items = Array.from({ length: 12 }, (_, i) => airReading(`s${i}`, ago(1), { pm25: i }, i));
    expect(rankStations(items, NOW, 5).map((s) => s.aqi)).toEqual([11, 10, 9, 8, 7]);
  });
});

describe('water class mix', () => {
  it('counts current graded sections per GB 3838 class, best first, and the III-or-better share', () => {
    const mix = waterMix(
      [
        waterReading('1', ago(30), 'II'),
        waterReading('2', ago(30), 'III'),
        waterReading('3', ago(30), 'IV'),
        waterReading('4', ago(30), '劣V'),
        waterReading('5', ago(500), 'V'),
        waterReading('6', ago(30)),
      ],
      NOW,
    );
    expect(mix.counts).toEqual([
      { waterClass: 'I', sections: 0 },
      { waterClass: 'II', sections: 1 },
      { waterClass: 'III', sections: 1 },
      { waterClass: 'IV', sections: 1 },
      { waterClass: 'V', sections: 0 },
      { waterClass: '劣V', sections: 1 },
    ]);
    expect(mix.sections).toBe(4);
    expect(mix.goodShare).toBe(0.5);
  });

  it('has no share without a graded section', () => {
    expect(waterMix([], NOW)).toMatchObject({ sections: 0, goodShare: null });
  });
});

describe('resource summary', () => {
  const r = (id: string, type: Resource['type'], district: string, capacity?: number): Resource => ({ id, type, district, name: id, location: { lon: 0, lat: 0 }, capacity });
  it('counts the chosen types per district in the city order, with totals and shelter capacity', () => {
    const s = summariseResources(
      [r('1', 'shelter', '441702', 2500), r('2', 'shelter', '441704', 500), r('3', 'rescue_team', '441702'), r('4', 'medical', '441702'), r('5', 'warehouse', '441781')],
      ['441702', '441704', '441781'],
      ['rescue_team', 'warehouse', 'shelter'],
    );
    expect(s.districts.map((d) => [d.adcode, d.counts.rescue_team, d.counts.warehouse, d.counts.shelter, d.counts.medical])).toEqual([
      ['441702', 1, 0, 1, 0],
      ['441704', 0, 0, 1, 0],
      ['441781', 0, 1, 0, 0],
    ]);
    expect(s.totals).toMatchObject({ rescue_team: 1, warehouse: 1, shelter: 2, medical: 0 });
    expect(s.shelterCapacity).toBe(3000);
  });
});
