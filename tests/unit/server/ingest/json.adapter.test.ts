import { describe, expect, it } from 'vitest';
import { parseAlerts, parseGridEvents, parseIndicators, parseObservations } from '../../../../server/src/ingest/json.adapter.js';
import { expectHttpError, paths } from './expect-http-error.js';

const event = (i: number) => ({
  sourceId: `INSP-${i}`,
  source: 'inspector',
  category: 'manhole_cover',
  title: '井盖缺失',
  location: { lon: 111.98, lat: 21.86 },
  reportedAt: '2026-07-01T09:00:00+08:00',
});
const air = { kind: 'air', stationId: 'YJ-A01', observedAt: '2026-07-01T09:00:00+08:00', values: { pm25: 35, no2: 40 } };
const gdp = { code: 'gdp', region: '441700', period: '2026-Q2', value: 398.6 };

describe('parseGridEvents', () => {
  it('accepts one object or an array, always returning an array', () => {
    expect(parseGridEvents(event(1))).toHaveLength(1);
    expect(parseGridEvents([event(1), event(2)]).map((e) => e.sourceId)).toEqual(['INSP-1', 'INSP-2']);
  });

  it('names the item index and field of every fault', () => {
    const bad = [event(0), event(1), event(2), { ...event(3), location: { lon: 111.9, lat: 123 } }];
    const e = expectHttpError(() => parseGridEvents(bad), 422, 'validation_failed');
    expect(paths(e)).toEqual(['3.location.lat']);
    expect(e.message).toContain('3.location.lat');
  });

  it('indexes a single object as item 0', () => {
    expect(paths(expectHttpError(() => parseGridEvents({ ...event(1), title: '' }), 422, 'validation_failed'))).toEqual(['0.title']);
  });

  it('refuses an empty array, a scalar body and too many items', () => {
    expectHttpError(() => parseGridEvents([]), 422, 'validation_failed');
    expectHttpError(() => parseGridEvents('hello'), 422, 'validation_failed');
    const e = expectHttpError(() => parseGridEvents([event(1), event(2), event(3)], 2), 413, 'too_many_items');
    expect(e.message).toContain('at most 2');
  });

  it('caps the listed issues but says how many there were', () => {
    const e = expectHttpError(() => parseGridEvents(Array.from({ length: 150 }, () => ({}))), 422, 'validation_failed');
    expect(e.issues).toHaveLength(100);
    expect(e.message).toMatch(/\(\d+ issues, the first 100 listed\)/);
  });
});

describe('parseAlerts', () => {
  it('applies the schema defaults (status Actual, msgType Alert)', () => {
    const [a] = parseAlerts({ sourceId: 'A1', sender: 's', sent: '2026-07-01T08:00:00+08:00', category: 'typhoon', event: '台风', level: 'red' });
    expect(a).toMatchObject({ status: 'Actual', msgType: 'Alert', references: [], areas: [] });
  });

  it('refuses an unknown level', () => {
    const bad = { sourceId: 'A1', sender: 's', sent: '2026-07-01T08:00:00+08:00', category: 'typhoon', event: '台风', level: 'purple' };
    expect(paths(expectHttpError(() => parseAlerts([bad]), 422, 'validation_failed'))).toEqual(['0.level']);
  });
});

describe('parseObservations', () => {
  it('accepts an array or an {observations} envelope', () => {
    expect(parseObservations([air])).toHaveLength(1);
    expect(parseObservations({ observations: [air, { ...air, stationId: 'YJ-A02' }] })).toHaveLength(2);
  });

  it('prefixes paths inside the envelope', () => {
    const bad = { observations: [air, { ...air, values: { pm25: -1 } }] };
    expect(paths(expectHttpError(() => parseObservations(bad), 422, 'validation_failed'))).toEqual(['observations.1.values.pm25']);
  });

  it('refuses a single reading outside a batch and an empty batch', () => {
    expectHttpError(() => parseObservations(air), 422, 'validation_failed');
    expectHttpError(() => parseObservations({ observations: [] }), 422, 'validation_failed');
  });
});

describe('parseIndicators', () => {
  it('accepts one or many and reports the missing value', () => {
    expect(parseIndicators(gdp)).toEqual([gdp]);
    const e = expectHttpError(() => parseIndicators([gdp, { code: 'gdp', region: '441700', period: '2026-Q2' }]), 422, 'validation_failed');
    expect(paths(e)).toEqual(['1.value']);
  });
});
