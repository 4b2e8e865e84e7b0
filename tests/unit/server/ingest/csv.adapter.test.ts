import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIndicatorCsv } from '../../../../server/src/ingest/csv.adapter.js';
import { expectHttpError, paths } from './expect-http-error.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url), 'utf8');

describe('parseIndicatorCsv', () => {
  it('reads columns by header name; empty cells are absent', () => {
    const rows = parseIndicatorCsv(fixture('indicators-good.csv'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ code: 'gdp', region: '441700', period: '2026-Q2', value: 398.6, cumulative: 781.2, yoy: 4.3, cumulativeYoy: 4.1, unit: '亿元', annualTarget: 1650 });
    expect(rows[1]).not.toHaveProperty('annualTarget');
    expect(rows[2]).toEqual({ code: 'cpi', region: '441700', period: '2026-06', value: 100.4, unit: '%' });
  });

  it('names the row (file line, header = 1) and column of every bad cell', () => {
    const e = expectHttpError(() => parseIndicatorCsv(fixture('indicators-bad.csv')), 422, 'validation_failed');
    expect(paths(e)).toEqual(['row 3.period', 'row 4.value']);
    expect(e.issues[1]?.message).toContain('"1,234.5" is not a number');
  });

  it('accepts column order freely, a BOM, CRLF, quoted cells and exponent notation', () => {
    const rows = parseIndicatorCsv('\uFEFFperiod,value,region,code\r\n"2026-06",1.2e2,441702,electricity\r\n');
    expect(rows).toEqual([{ code: 'electricity', region: '441702', period: '2026-06', value: 120 }]);
  });

  it.each([['12%'], ['1,5'], ['abc'], ['0x10'], ['Infinity'], ['1.2.3']])('refuses %s as a number', (cell) => {
    const e = expectHttpError(() => parseIndicatorCsv(`code,region,period,value\ngdp,441700,2026-Q2,"${cell}"\n`), 422, 'validation_failed');
    expect(paths(e)).toEqual(['row 2.value']);
  });

  it('refuses unknown and missing columns before reading rows', () => {
    const e = expectHttpError(() => parseIndicatorCsv('code,region,value,colour\ngdp,441700,1,red\n'), 422, 'validation_failed');
    expect(paths(e)).toEqual(['header.colour', 'header.period']);
  });

  it('refuses a row with a different number of fields, naming it', () => {
    const e = expectHttpError(() => parseIndicatorCsv('code,region,period,value\ngdp,441700,2026-Q2,1\ngdp,441700,2026-Q3,1,9\n'), 422, 'validation_failed');
    expect(paths(e)).toEqual(['row 3']);
  });

  it('answers 400 malformed_csv for an unclosed quote', () => {
    expectHttpError(() => parseIndicatorCsv('code,region,period,value\ngdp,441700,"2026-Q2,1\n'), 400, 'malformed_csv');
  });

  it('refuses an empty file, a header without rows, and too many rows', () => {
    expectHttpError(() => parseIndicatorCsv(''), 422, 'validation_failed');
    expectHttpError(() => parseIndicatorCsv('code,region,period,value\n'), 422, 'validation_failed');
    expectHttpError(() => parseIndicatorCsv('code,region,period,value\ngdp,441700,2026-Q2,1\ngdp,441700,2026-Q3,1\n', 1), 413, 'too_many_items');
  });

  it('reads the exercise column as a boolean', () => {
    const [row] = parseIndicatorCsv('code,region,period,value,exercise\ngdp,441700,2026-Q2,1,true\n');
    expect(row?.exercise).toBe(true);
  });
});
