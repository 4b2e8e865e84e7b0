import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCap } from '../../../../server/src/ingest/cap.adapter.js';
import { expectHttpError, paths } from './expect-http-error.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/cap/${name}`, import.meta.url), 'utf8');
const typhoon = fixture('alert-typhoon-orange.xml');

describe('parseCap: valid messages', () => {
  it('maps a typhoon Alert with severity Severe to an orange typhoon alert', () => {
    const a = parseCap(typhoon);
    expect(a).toMatchObject({
      sourceId: '44170041600000-TY-20260714-0800',
      sender: 'yjqxt@gd.cma.gov.cn',
      sent: '2026-07-14T08:00:00+08:00',
      status: 'Actual',
      msgType: 'Alert',
      references: [],
      category: 'typhoon',
      event: '台风橙色预警',
      level: 'orange',
      urgency: 'Expected',
      certainty: 'Likely',
      senderName: '阳江市气象台',
      headline: '阳江市气象台发布台风橙色预警信号',
      effective: '2026-07-14T08:00:00+08:00',
      onset: '2026-07-14T20:00:00+08:00',
      expires: '2026-07-15T20:00:00+08:00',
    });
    expect(a.instruction).toContain('回港避风');
  });

  it('turns the "lat,lon" polygon into a closed [lon, lat] ring and keeps geocodes', () => {
    const [area] = parseCap(typhoon).areas;
    expect(area?.areaDesc).toBe('阳江市沿海（江城区、阳东区、阳西县）');
    expect(area?.polygons).toEqual([
      [
        [111.4, 21.55],
        [112.3, 21.55],
        [112.3, 22.05],
        [111.4, 22.05],
        [111.4, 21.55],
      ],
    ]);
    expect(area?.geocodes).toEqual([
      { valueName: 'adcode', value: '441702' },
      { valueName: 'adcode', value: '441704' },
    ]);
  });

  it('reads an Update: references kept as whole sender,identifier,sent triples, Extreme → red, circle in km', () => {
    const a = parseCap(fixture('update-typhoon-red.xml'));
    expect(a.msgType).toBe('Update');
    expect(a.references).toEqual(['yjqxt@gd.cma.gov.cn,44170041600000-TY-20260714-0800,2026-07-14T08:00:00+08:00']);
    expect(a.level).toBe('red');
    expect(a.areas[0]?.circles).toEqual([{ lon: 111.85, lat: 21.62, radiusKm: 40 }]);
  });

  it('reads a Cancel without info, naming every referenced alert', () => {
    const a = parseCap(fixture('cancel-typhoon.xml'));
    expect(a.msgType).toBe('Cancel');
    expect(a.references).toEqual(['yjqxt@gd.cma.gov.cn,44170041600000-TY-20260714-0800,2026-07-14T08:00:00+08:00', 'yjqxt@gd.cma.gov.cn,44170041600000-TY-20260714-1400,2026-07-14T14:00:00+08:00']);
  });

  it('reads an Exercise with prefixed namespace and Unknown severity, taking the level from the colour word', () => {
    const a = parseCap(fixture('exercise-rainstorm.xml'));
    expect(a).toMatchObject({ status: 'Exercise', category: 'rainstorm', level: 'yellow', sourceId: 'DRILL-441781-RS-0001' });
    expect(a.areas[0]?.circles).toEqual([{ lon: 111.79, lat: 22.17, radiusKm: 25.5 }]);
    expect(a.areas[0]?.geocodes).toEqual([{ valueName: 'adcode', value: '441781' }]);
  });

  it('takes the Chinese info block of a multi-language alert, borrowing the area it lacks', () => {
    const a = parseCap(fixture('alert-multi-info.xml'));
    expect(a.event).toBe('地质灾害气象风险预警');
    expect(a.category).toBe('geological');
    expect(a.level).toBe('yellow');
    expect(a.areas[0]?.areaDesc).toBe('Yangchun City');
  });

  it('takes the first info block when none is Chinese', () => {
    const xml = fixture('alert-multi-info.xml').replace('<language>zh-CN</language>', '<language>fr-FR</language>');
    expect(parseCap(xml).event).toBe('Geological hazard warning');
  });

  it('keeps identifiers with leading zeros as text', () => {
    const a = parseCap(typhoon.replace('44170041600000-TY-20260714-0800', '0071'));
    expect(a.sourceId).toBe('0071');
  });
});

describe('parseCap: errors', () => {
  it('answers 400 malformed_xml with the line of the fault', () => {
    const e = expectHttpError(() => parseCap(fixture('malformed-unclosed.xml')), 400, 'malformed_xml');
    expect(e.message).toMatch(/line \d+/);
    expect(e.message).toContain('sender');
  });

  it('names a missing required element', () => {
    const e = expectHttpError(() => parseCap(fixture('invalid-missing-severity.xml')), 422, 'validation_failed');
    expect(paths(e)).toEqual(['alert.info[0].severity']);
    expect(e.issues[0]?.message).toBe('required element is missing');
  });

  it('refuses enum values not spelt exactly as CAP', () => {
    const e = expectHttpError(() => parseCap(typhoon.replace('<status>Actual</status>', '<status>actual</status>')), 422, 'validation_failed');
    expect(paths(e)).toEqual(['alert.status']);
  });

  it.each([
    ['identifier', '<identifier>44170041600000-TY-20260714-0800</identifier>'],
    ['sender', '<sender>yjqxt@gd.cma.gov.cn</sender>'],
    ['sent', '<sent>2026-07-14T08:00:00+08:00</sent>'],
    ['msgType', '<msgType>Alert</msgType>'],
    ['scope', '<scope>Public</scope>'],
  ])('names alert.%s when it is missing', (name, element) => {
    const e = expectHttpError(() => parseCap(typhoon.replace(element, '')), 422, 'validation_failed');
    expect(paths(e)).toContain(`alert.${name}`);
  });

  it('requires an info block for msgType Alert', () => {
    const xml = typhoon.replace(/<info>[\s\S]*<\/info>/, '');
    expect(paths(expectHttpError(() => parseCap(xml), 422, 'validation_failed'))).toEqual(['alert.info']);
  });

  it('requires references for an Update', () => {
    const xml = fixture('update-typhoon-red.xml').replace(/<references>.*<\/references>/, '');
    expect(paths(expectHttpError(() => parseCap(xml), 422, 'validation_failed'))).toEqual(['alert.references']);
  });

  it('refuses references that are not sender,identifier,sent triples', () => {
    const xml = fixture('update-typhoon-red.xml').replace(/<references>.*<\/references>/, '<references>only-an-id</references>');
    expect(paths(expectHttpError(() => parseCap(xml), 422, 'validation_failed'))).toEqual(['alert.references']);
  });

  it('refuses an open polygon, naming it', () => {
    const xml = typhoon.replace(/<polygon>.*<\/polygon>/, '<polygon>21.55,111.40 21.55,112.30 22.05,112.30 22.05,111.40</polygon>');
    const e = expectHttpError(() => parseCap(xml), 422, 'validation_failed');
    expect(paths(e)).toEqual(['alert.info[0].area[0].polygon[0]']);
    expect(e.issues[0]?.message).toMatch(/closed/);
  });

  it('refuses a polygon point out of range and a malformed circle', () => {
    const xml = typhoon.replace('21.55,111.40 21.55,112.30', '121.55,111.40 21.55,112.30').replace('</polygon>', '</polygon><circle>21.6,111.8</circle>');
    const e = expectHttpError(() => parseCap(xml), 422, 'validation_failed');
    expect(paths(e)).toEqual(['alert.info[0].area[0].polygon[0]', 'alert.info[0].area[0].circle[0]']);
  });

  it('refuses Unknown severity when no colour is named', () => {
    const xml = typhoon.replace('<severity>Severe</severity>', '<severity>Unknown</severity>').replace(/橙色/g, '');
    expect(paths(expectHttpError(() => parseCap(xml), 422, 'validation_failed'))).toEqual(['alert.info[0].severity']);
  });

  it('refuses another CAP version and another root element', () => {
    const v11 = typhoon.replace('emergency:cap:1.2', 'emergency:cap:1.1');
    const e = expectHttpError(() => parseCap(v11), 422, 'validation_failed');
    expect(paths(e)).toEqual(['alert.xmlns']);
    expect(e.message).toContain('cap:1.1');
    expect(paths(expectHttpError(() => parseCap('<feed><entry/></feed>'), 422, 'validation_failed'))).toEqual(['alert']);
  });

  it('refuses a sent time without offset', () => {
    const xml = typhoon.replace('<sent>2026-07-14T08:00:00+08:00</sent>', '<sent>2026-07-14 08:00</sent>');
    expect(paths(expectHttpError(() => parseCap(xml), 422, 'validation_failed'))).toEqual(['alert.sent']);
  });

  it('answers 400, never a crash, for XML the parser refuses for safety', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>';
    expectHttpError(() => parseCap(xxe), 400, 'malformed_xml');
    expectHttpError(() => parseCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><__proto__>1</__proto__></alert>'), 400, 'malformed_xml');
  });

  it('refuses two root elements and an empty document', () => {
    expectHttpError(() => parseCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"></alert><alert/>'), 422, 'validation_failed');
    expectHttpError(() => parseCap(''), 400, 'malformed_xml');
  });
});
