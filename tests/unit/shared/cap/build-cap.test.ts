import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { capDateTime, toCapXml, type CapBuildInput } from '../../../../shared/cap/build-cap.js';
import { parseCap } from '../../../../server/src/ingest/cap.adapter.js';

const base: CapBuildInput = {
  sourceId: 'SIM-TY-0001',
  sender: 'simulator@cockpit.local',
  sent: '2026-07-14T08:00:00+08:00',
  category: 'typhoon',
  event: '台风蓝色预警',
  level: 'blue',
  urgency: 'Future',
  certainty: 'Possible',
  headline: '台风蓝色预警信号',
  expires: '2026-07-15T00:00:00.000Z',
  areas: [
    {
      areaDesc: '海陵岛',
      polygons: [
        [
          [111.8, 21.55],
          [111.95, 21.55],
          [111.95, 21.7],
          [111.8, 21.55],
        ],
      ],
      circles: [{ lon: 111.88, lat: 21.62, radiusKm: 12 }],
      geocodes: [{ valueName: 'adcode', value: '441702' }],
    },
  ],
};

describe('toCapXml', () => {
  it('produces well-formed CAP 1.2 that parses back to the same alert', () => {
    const xml = toCapXml(base);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="urn:oasis:names:tc:emergency:cap:1.2"');
    const back = parseCap(xml);
    expect(back).toMatchObject({
      sourceId: base.sourceId,
      sender: base.sender,
      sent: base.sent,
      status: 'Actual',
      msgType: 'Alert',
      category: 'typhoon',
      event: base.event,
      level: 'blue',
      urgency: 'Future',
      certainty: 'Possible',
      headline: base.headline,
      expires: '2026-07-15T00:00:00-00:00',
    });
    expect(back.areas).toEqual(base.areas);
  });

  it('writes the severity of the level and the CAP category of the hazard', () => {
    const xml = toCapXml({ ...base, level: 'red', category: 'public_health', event: '突发公共卫生事件' });
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<category>Health</category>');
  });

  it('writes references as sender,identifier,sent triples', () => {
    const xml = toCapXml({
      ...base,
      sourceId: 'SIM-TY-0002',
      msgType: 'Update',
      references: [
        { sender: 'simulator@cockpit.local', identifier: 'SIM-TY-0001', sent: '2026-07-14T08:00:00+08:00' },
        { sender: 'other@x', identifier: 'X-9', sent: '2026-07-13T00:00:00Z' },
      ],
    });
    expect(xml).toContain('<references>simulator@cockpit.local,SIM-TY-0001,2026-07-14T08:00:00+08:00 other@x,X-9,2026-07-13T00:00:00-00:00</references>');
    expect(parseCap(xml).references).toEqual(['simulator@cockpit.local,SIM-TY-0001,2026-07-14T08:00:00+08:00', 'other@x,X-9,2026-07-13T00:00:00-00:00']);
  });

  it('adds translations as further info blocks, the Chinese one still read first', () => {
    const xml = toCapXml({ ...base, translations: [{ language: 'en-US', event: 'Typhoon blue warning' }] });
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(parseCap(xml).event).toBe('台风蓝色预警');
  });

  it('marks exercises with status Exercise', () => {
    expect(parseCap(toCapXml({ ...base, status: 'Exercise' })).status).toBe('Exercise');
  });

  it('escapes markup in text', () => {
    const back = parseCap(toCapXml({ ...base, description: '风力 <12级> & 暴雨' }));
    expect(back.description).toBe('风力 <12级> & 暴雨');
  });
});

describe('capDateTime', () => {
  it('keeps CAP-form times and rewrites JavaScript ISO strings without changing the instant', () => {
    expect(capDateTime('2026-07-14T08:00:00+08:00')).toBe('2026-07-14T08:00:00+08:00');
    expect(capDateTime('2026-07-14T00:00:00.123Z')).toBe('2026-07-14T00:00:00-00:00');
    expect(() => capDateTime('yesterday')).toThrow(RangeError);
  });
});
