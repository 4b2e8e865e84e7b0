import { describe, expect, it } from 'vitest';
import { open311RequestForm, open311SourceId, open311Status, serviceNotice, toGridEventInput, toOpen311Request, toOpen311Services } from '../../../../server/src/ingest/open311.adapter.js';
import { gridEventInput } from '../../../../shared/schemas/grid-event.js';
import { expectHttpError } from './expect-http-error.js';
import { catalogue, gridCase } from './open311-fixtures.js';

const now = new Date('2026-07-01T03:00:00Z');
const form = (over: Record<string, unknown> = {}) => open311RequestForm.parse({ service_code: 'manhole_cover', lat: '21.86', long: '111.98', description: '人民路口井盖缺失\n很危险', ...over });

describe('toOpen311Services', () => {
  it('lists each case category as a realtime service grouped 部件/事件', () => {
    const [manhole, parking] = toOpen311Services(catalogue());
    expect(manhole).toMatchObject({ service_code: 'manhole_cover', service_name: '井盖缺失', metadata: false, type: 'realtime', group: '部件' });
    expect(manhole?.description).toContain('市城市管理和综合执法局');
    expect(manhole?.keywords).toContain('Missing manhole cover');
    expect(parking?.group).toBe('事件');
  });

  it('states the time limit in natural or working hours as the category counts it', () => {
    const [manhole, parking] = toOpen311Services(catalogue());
    expect(manhole?.description).toMatch(/, 24 h$/);
    expect(parking?.description).toMatch(/, 4 working hours$/);
    expect(serviceNotice('manhole_cover', catalogue())).toBe('已受理：市城市管理和综合执法局，处理时限 24 小时 (accepted; handled within 24 h)');
    expect(serviceNotice('illegal_parking', catalogue())).toBe('已受理：市公安局交通警察支队，处理时限 4 个工作小时 (accepted; handled within 4 working hours)');
  });
});

describe('Open311 request → grid event', () => {
  it('maps the form onto a valid GridEventInput from source open311', () => {
    const input = toGridEventInput(form({ first_name: '明', last_name: '李', address_string: '人民路 1 号' }), catalogue(), { sourceId: 'open311:x', now });
    expect(gridEventInput.parse(input)).toEqual(input);
    expect(input).toMatchObject({
      sourceId: 'open311:x',
      source: 'open311',
      category: 'manhole_cover',
      kind: 'facility',
      title: '人民路口井盖缺失',
      location: { lon: 111.98, lat: 21.86 },
      address: '人民路 1 号',
      reportedAt: '2026-07-01T03:00:00.000Z',
      reporter: '明 李',
    });
  });

  it('uses the service name as title without description, and keeps media_url in its own field', () => {
    const input = toGridEventInput(form({ description: '', media_url: 'https://img.example/1.jpg' }), catalogue(), { sourceId: 's', now });
    expect(input.title).toBe('井盖缺失');
    expect(input.description).toBeUndefined();
    expect(input.mediaUrl).toBe('https://img.example/1.jpg');
  });

  it("takes an offline client's requested_datetime as the report time, else the time of receipt", () => {
    const at = '2026-07-01T10:30:00+08:00';
    expect(toGridEventInput(form({ requested_datetime: at }), catalogue(), { sourceId: 's', now }).reportedAt).toBe(at);
    expect(toGridEventInput(form({}), catalogue(), { sourceId: 's', now }).reportedAt).toBe(now.toISOString());
  });

  it('files drills with exercise=true', () => {
    expect(toGridEventInput(form({ exercise: 'true' }), catalogue(), { sourceId: 's', now }).exercise).toBe(true);
  });

  it('answers 400 for an unknown service and for a request without coordinates', () => {
    expectHttpError(() => toGridEventInput(form({ service_code: 'nope' }), catalogue(), { sourceId: 's', now }), 400, 'bad_request');
    const e = expectHttpError(() => toGridEventInput(form({ lat: '', long: '', address_string: '人民路' }), catalogue(), { sourceId: 's', now }), 400, 'bad_request');
    expect(e.message).toContain('does not geocode');
  });

  it('refuses non-numeric or out-of-range coordinates and a bad media_url', () => {
    expect(open311RequestForm.safeParse({ service_code: 'x', lat: 'north', long: '1' }).success).toBe(false);
    expect(open311RequestForm.safeParse({ service_code: 'x', lat: '91', long: '1' }).success).toBe(false);
    expect(open311RequestForm.safeParse({ service_code: 'x', lat: '1', long: '1', media_url: 'not a url' }).success).toBe(false);
    expect(open311RequestForm.safeParse({ service_code: 'x', lat: '1', long: '1', media_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(open311RequestForm.safeParse({ service_code: 'x', lat: ['1', '2'], long: '1' }).success).toBe(false);
  });
});

describe('open311SourceId', () => {
  it('is stable for the same key and token, distinct across keys, fresh without a token', () => {
    expect(open311SourceId('k1', 't')).toBe(open311SourceId('k1', 't'));
    expect(open311SourceId('k1', 't')).not.toBe(open311SourceId('k2', 't'));
    expect(open311SourceId('k1', undefined)).not.toBe(open311SourceId('k1', undefined));
    expect(open311SourceId('k1', 't')).toMatch(/^open311:[0-9a-f]{40}$/);
  });
});

describe('grid case → Open311 request', () => {
  it('maps the fields GeoReport lists', () => {
    expect(toOpen311Request(gridCase(), catalogue())).toEqual({
      service_request_id: 'case-1',
      status: 'open',
      status_notes: null,
      service_name: '井盖缺失',
      service_code: 'manhole_cover',
      description: '人民路口井盖缺失',
      agency_responsible: '市城市管理和综合执法局',
      service_notice: null,
      requested_datetime: '2026-07-01T01:00:00.000Z',
      updated_datetime: '2026-07-01T02:00:00.000Z',
      expected_datetime: '2026-07-02T02:00:00.000Z',
      address: '人民路 1 号',
      address_id: null,
      zipcode: null,
      lat: 21.86,
      long: 111.98,
      media_url: null,
    });
  });

  it('derives open/closed from the lifecycle and explains a rejection', () => {
    expect(['reported', 'registered', 'dispatched', 'in_progress', 'feedback'].map((s) => open311Status(s as never))).toEqual(Array(5).fill('open'));
    expect(['closed', 'evaluated', 'rejected'].map((s) => open311Status(s as never))).toEqual(Array(3).fill('closed'));
    const rejected = toOpen311Request(gridCase({ status: 'rejected' }), catalogue());
    expect(rejected.status).toBe('closed');
    expect(rejected.status_notes).toContain('不予立案');
  });
});
