import { describe, expect, it } from 'vitest';
import { indicatorInput, type IndicatorInput } from '../../../../shared/schemas/indicator.js';
import { duePublications, indicatorBackfill } from '../../../../mock-data/generators/indicators.js';
import { localTime } from '../../../../mock-data/simulator/time.js';
import { fixtureCity } from './fixture-city.js';

const city = fixtureCity();
const AT = localTime(2026, 11, 21, 12);
const rows = (): IndicatorInput[] => indicatorBackfill(1, city, AT).flatMap((m) => (m.channel === 'indicators' ? m.payload : []));

describe('economic indicators', () => {
  it('back-fills last year and this year up to the latest published period', () => {
    const periods = (code: string) =>
      rows()
        .filter((r) => r.code === code && r.region === city.adcode)
        .map((r) => r.period);
    expect(periods('gdp')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const retail = periods('retail');
    expect(retail).toHaveLength(12 + 10);
    expect(retail[retail.length - 1]).toBe('2026-10');
    for (const code of ['industry_va', 'fai', 'budget_revenue', 'electricity', 'cpi', 'unemployment']) expect(periods(code)).toHaveLength(22);
  });

  it('sends last year before this year, so growth can be derived from stored values', () => {
    const messages = indicatorBackfill(1, city, AT);
    const years = messages.map((m) => (m.channel === 'indicators' ? new Set(m.payload.map((r) => r.period.slice(0, 4))) : new Set()));
    expect(years.map((s) => [...s].join())).toEqual(['2025', '2025', '2026', '2026']);
  });

  it('passes the indicator schema, with some releases as CSV', () => {
    expect(rows().every((r) => indicatorInput.safeParse(r).success)).toBe(true);
    const formats = indicatorBackfill(1, city, AT).map((m) => (m.channel === 'indicators' ? m.format : ''));
    expect(formats).toContain('csv');
    expect(formats).toContain('json');
  });

  it('has Yangjiang-sized GDP (about 1,500 亿元 a year) with cumulative = running sum', () => {
    const gdp = rows().filter((r) => r.code === 'gdp' && r.region === city.adcode && r.period.startsWith('2025'));
    const total = gdp.reduce((sum, r) => sum + r.value!, 0);
    expect(total).toBeGreaterThan(1400);
    expect(total).toBeLessThan(1700);
    expect(gdp[3]!.cumulative).toBeCloseTo(total, 0);
    expect(gdp[0]!.annualTarget).toBeGreaterThan(1400);
  });

  it('splits GDP over the districts so that they add up to the city', () => {
    const q1 = rows().filter((r) => r.code === 'gdp' && r.period === '2026-Q1');
    const cityValue = q1.find((r) => r.region === city.adcode)!.value!;
    const districts = q1.filter((r) => r.region !== city.adcode);
    expect(districts.map((r) => r.region).sort()).toEqual(['441702', '441704', '441721', '441781']);
    expect(districts.reduce((s, r) => s + r.value!, 0)).toBeCloseTo(cityValue, 0);
  });

  it('publishes every flow for every district, each growing at its own realistic pace (issue 10 #14)', () => {
    const all = rows();
    const flows = ['gdp', 'industry_va', 'fai', 'retail', 'budget_revenue', 'electricity'];
    for (const code of flows) {
      const oct = all.filter((r) => r.code === code && r.period === (code === 'gdp' ? '2026-Q3' : '2026-10'));
      const cityRow = oct.find((r) => r.region === city.adcode)!;
      const districts = oct.filter((r) => r.region !== city.adcode);
      expect(districts.map((r) => r.region).sort(), code).toEqual(['441702', '441704', '441721', '441781']);
      expect(districts.reduce((s, r) => s + r.cumulative!, 0)).toBeCloseTo(cityRow.cumulative!, 0);
      expect(districts.every((r) => r.annualTarget! > 0 && r.cumulative! > 0)).toBe(true);
    }
    // 累计同比 as the server will derive it: the districts differ (a map of one colour says nothing) and stay plausible.
    const gdp = (region: string, period: string) => all.find((r) => r.code === 'gdp' && r.region === region && r.period === period)!.cumulative!;
    const growth = ['441702', '441704', '441721', '441781'].map((d) => gdp(d, '2026-Q3') / gdp(d, '2025-Q3') - 1);
    expect(new Set(growth.map((g) => g.toFixed(3))).size).toBe(4);
    for (const g of growth) expect(g).toBeGreaterThan(0.0);
    for (const g of growth) expect(g).toBeLessThan(0.09);
    // County-level CPI and surveyed unemployment are not published: the city's only.
    expect(all.filter((r) => (r.code === 'cpi' || r.code === 'unemployment') && r.region !== city.adcode)).toEqual([]);
  });

  it('keeps CPI near 100 and unemployment near 5 %', () => {
    for (const r of rows().filter((x) => x.code === 'cpi')) expect(Math.abs(r.value! - 100)).toBeLessThan(2);
    for (const r of rows().filter((x) => x.code === 'unemployment')) expect(r.value!).toBeGreaterThan(4);
  });

  it('releases a new month on the 15th of the next month', () => {
    const released = duePublications(1, city, localTime(2026, 12, 15, 0), localTime(2026, 12, 16, 0));
    const periods = new Set(released.flatMap((m) => (m.channel === 'indicators' ? m.payload.map((r) => r.period) : [])));
    expect([...periods]).toEqual(['2026-11']);
  });
});
