import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GridEventInput } from '../../../../shared/schemas/grid-event.js';
import { signalMessage, issuer } from '../../../../mock-data/generators/alert-factory.js';
import type { Outbound } from '../../../../mock-data/simulator/messages.js';
import { indicatorCsv, toRequests } from '../../../../mock-data/simulator/requests.js';
import { fixtureCity } from './fixture-city.js';

const event = (sourceId: string, status: GridEventInput['status']): Outbound => ({
  channel: 'grid',
  at: 0,
  payload: { sourceId, source: 'inspector', category: 'street_vending', title: 't', location: { lon: 111.9, lat: 21.8 }, reportedAt: '2026-06-10T08:00:00+08:00', status },
});

describe('toRequests', () => {
  it('starts a new grid batch when a case would appear twice in one', () => {
    const reqs = toRequests([event('a', 'reported'), event('b', 'reported'), event('a', 'registered')], 'k');
    expect(reqs.map((r) => JSON.parse(r.body).map((e: GridEventInput) => e.sourceId))).toEqual([['a', 'b'], ['a']]);
    expect(reqs.every((r) => r.path === '/api/v1/ingest/grid-events' && r.auth === 'bearer' && r.contentType === 'application/json')).toBe(true);
  });

  it('caps the batch size', () => {
    const many = Array.from({ length: 25 }, (_, i) => event(`c${i}`, 'reported'));
    expect(toRequests(many, 'k', 10).map((r) => r.count)).toEqual([10, 10, 5]);
  });

  it('posts citizen reports as Open311 forms with the api_key', () => {
    const [req] = toRequests([{ channel: 'open311', at: 0, payload: { service_code: 'waterlogging', lat: '21.800000', long: '111.900000', description: '积水', request_token: 't1' } }], 'secret');
    expect(req!.path).toBe('/open311/v2/requests.json');
    expect(req!.contentType).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req!.body);
    expect(form.get('api_key')).toBe('secret');
    expect(form.get('service_code')).toBe('waterlogging');
    expect(form.get('long')).toBe('111.900000');
  });

  it('sends warnings as CAP 1.2 XML with reference triples', () => {
    const city = fixtureCity();
    const from = issuer(city, 'weather');
    const base = { from, category: 'typhoon' as const, hazard: '台风', districts: city.districts, expires: Date.parse('2026-08-03T21:00:00+08:00'), exercise: true };
    const sent = Date.parse('2026-08-03T09:00:00+08:00');
    const update = signalMessage({ ...base, identifier: 'B', sent: sent + 60_000, msgType: 'Update', level: 'yellow', previous: { identifier: 'A', sent, level: 'blue' } });
    const [req] = toRequests([update], 'k');
    expect(req!.contentType).toBe('application/cap+xml');
    const doc = new XMLParser({ parseTagValue: false, isArray: (n) => ['info', 'area', 'geocode'].includes(n) }).parse(req!.body);
    expect(doc.alert.status).toBe('Exercise');
    expect(doc.alert.msgType).toBe('Update');
    expect(doc.alert.references).toBe(`${from.sender},A,2026-08-03T09:00:00+08:00`);
    expect(doc.alert.info[0].severity).toBe('Moderate');
    expect(doc.alert.info[0].area.map((a: { geocode: Array<{ value: string }> }) => a.geocode[0]!.value)).toEqual(['441702', '441704', '441721', '441781']);
  });

  it('writes CSV with a header row, grouping rows by the columns they have', () => {
    const [withCumulative, plain] = indicatorCsv([
      { code: 'electricity', region: '441700', period: '2026-01', value: 16.8, cumulative: 16.8, unit: '亿千瓦时' },
      { code: 'unemployment', region: '441700', period: '2026-01', value: 5.1, unit: '%' },
    ]);
    expect(withCumulative).toBe('code,region,period,value,cumulative,unit\r\nelectricity,441700,2026-01,16.8,16.8,亿千瓦时\r\n');
    expect(plain).toBe('code,region,period,value,unit\r\nunemployment,441700,2026-01,5.1,%\r\n');
  });
});
