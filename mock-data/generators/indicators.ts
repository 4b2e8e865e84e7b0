import type { IndicatorInput } from '../../shared/schemas/indicator.js';
import { populationScale, type SimCity } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { hash01 } from '../simulator/rng.js';
import { localParts, localTime } from '../simulator/time.js';
import { INDICATOR_SPECS, type IndicatorSpec } from './indicator-series.js';
import { districtRows } from './district-indicators.js';

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/** The statistics bureau publishes a month on the 15th of the next month, a quarter on the 20th. */
export function publishedAt(spec: IndicatorSpec, year: number, index: number): number {
  return spec.frequency === 'month' ? localTime(year, index + 2, 15, 10) : localTime(year, 3 * (index + 1) + 1, 20, 10);
}

function periodName(spec: IndicatorSpec, year: number, index: number): string {
  return spec.frequency === 'month' ? `${year}-${String(index + 1).padStart(2, '0')}` : `${year}-Q${index + 1}`;
}

/** Model annual total of a flow (before per-period noise). */
function annualTotal(spec: IndicatorSpec, city: SimCity, year: number): number {
  return spec.level2025 * populationScale(city) * (1 + spec.growth) ** (year - 2025);
}

function periodValue(seed: number, city: SimCity, spec: IndicatorSpec, year: number, index: number): number {
  const wobble = 2 * hash01(seed, city.adcode, spec.code, year, index) - 1;
  if (spec.kind === 'flow') return annualTotal(spec, city, year) * spec.season[index]! * (1 + spec.noise * wobble);
  return spec.level2025 + spec.season[index]! + spec.noise * wobble;
}

/**
 * The rows of one period: the city's value, year-to-date cumulative and annual target, and for
 * every flow each district's own (district-indicators.ts). Growth rates are left for the server.
 */
export function periodRows(seed: number, city: SimCity, spec: IndicatorSpec, year: number, index: number): IndicatorInput[] {
  const values = Array.from({ length: index + 1 }, (_, i) => periodValue(seed, city, spec, year, i));
  const value = values[index]!;
  const period = periodName(spec, year, index);
  const unit = spec.unit ? { unit: spec.unit } : {};
  if (spec.kind === 'rate') return [{ code: spec.code, region: city.adcode, period, value: round(value, 1), ...unit }];
  if (spec.kind === 'index') {
    const cumulative = values.reduce((a, b) => a + b, 0) / values.length;
    return [{ code: spec.code, region: city.adcode, period, value: round(value, 1), cumulative: round(cumulative, 1), ...unit }];
  }
  const cumulative = values.reduce((a, b) => a + b, 0);
  const target = spec.targetGrowth !== undefined ? annualTotal(spec, city, year - 1) * (1 + spec.targetGrowth) : undefined;
  const row = (region: string): IndicatorInput => ({
    code: spec.code,
    region,
    period,
    value: round(value, 2),
    cumulative: round(cumulative, 2),
    ...unit,
    ...(target !== undefined ? { annualTarget: round(target, 1) } : {}),
  });
  return [row(city.adcode), ...districtRows(seed, city, spec, year, index, period, values, target)];
}

function toMessages(at: number, rows: Array<{ spec: IndicatorSpec; rows: IndicatorInput[] }>): Outbound[] {
  const json = rows.filter((r) => !r.spec.csv).flatMap((r) => r.rows);
  const csv = rows.filter((r) => r.spec.csv).flatMap((r) => r.rows);
  const out: Outbound[] = [];
  if (json.length > 0) out.push({ channel: 'indicators', at, format: 'json', payload: json });
  if (csv.length > 0) out.push({ channel: 'indicators', at, format: 'csv', payload: csv });
  return out;
}

/**
 * Everything published by `at` for last year and this year, one year after the other so a
 * server deriving 同比 from stored values finds last year's first.
 */
export function indicatorBackfill(seed: number, city: SimCity, at: number): Outbound[] {
  const { year } = localParts(at);
  return [year - 1, year].flatMap((y) => {
    const rows = INDICATOR_SPECS.flatMap((spec) => {
      const count = spec.frequency === 'month' ? 12 : 4;
      return Array.from({ length: count }, (_, i) => i)
        .filter((i) => publishedAt(spec, y, i) <= at)
        .map((i) => ({ spec, rows: periodRows(seed, city, spec, y, i) }));
    });
    return toMessages(at, rows);
  });
}

/** Periods whose publication instant falls in [from, to), as they would be released. */
export function duePublications(seed: number, city: SimCity, from: number, to: number): Outbound[] {
  const byInstant = new Map<number, Array<{ spec: IndicatorSpec; rows: IndicatorInput[] }>>();
  for (let y = localParts(from).year - 1; y <= localParts(to).year; y++) {
    for (const spec of INDICATOR_SPECS) {
      const count = spec.frequency === 'month' ? 12 : 4;
      for (let i = 0; i < count; i++) {
        const when = publishedAt(spec, y, i);
        if (when < from || when >= to) continue;
        const list = byInstant.get(when) ?? [];
        list.push({ spec, rows: periodRows(seed, city, spec, y, i) });
        byInstant.set(when, list);
      }
    }
  }
  return [...byInstant.entries()].sort((a, b) => a[0] - b[0]).flatMap(([when, rows]) => toMessages(when, rows));
}
