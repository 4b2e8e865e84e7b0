import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { toCapAckXml } from '../../../../shared/cap/build-ack.js';
import { outboundMessage, type OutboundIdentity } from '../../../../server/src/domain/warnings/warning-cap.js';
import { capAtomFeed } from '../../../../server/src/domain/warnings/cap-feed.js';
import type { WarningRecord } from '../../../../server/src/domain/warnings/warnings.repository.js';
import { CITY_WARNING_SENDER } from '../../../../shared/schemas/alert.js';
import type { WarningContent } from '../../../../shared/schemas/warning.js';

/**
 * The city's outbound CAP against the OASIS CAP 1.2 schema (issue 13: "the CAP feed validates
 * against the CAP 1.2 schema, the OASIS XSD, checked in a test"). The validator is libxml2 in
 * WebAssembly (npm `xmllint-wasm`) and the schema tests/fixtures/cap/CAP-v1.2.xsd (see its
 * header: written from the OASIS data dictionary with the constraints of OASIS's schema).
 */
const XSD = readFileSync(fileURLToPath(new URL('../../../fixtures/cap/CAP-v1.2.xsd', import.meta.url)), 'utf8');
const invalid = async (xml: string) => {
  const r = await validateXML({ xml: [{ fileName: 'message.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
  return r.valid ? [] : r.errors.map((e) => e.message);
};

const content: WarningContent = {
  level: 'orange',
  category: 'typhoon',
  districts: ['441702', '441704'],
  headline: '阳江市发布台风橙色预警 <注意> & 防范',
  description: '受台风影响，预计未来24小时沿海将出现10级以上大风。',
  instruction: '停止户外作业。',
  expires: '2026-12-08T06:00:00.000Z',
};
const polygon: WarningContent = {
  ...content,
  districts: [],
  polygon: [
    [111.9, 21.8],
    [112.0, 21.8],
    [112.0, 21.9],
    [111.9, 21.8],
  ],
};
const id = (over: Partial<OutboundIdentity>): OutboundIdentity => ({
  sender: CITY_WARNING_SENDER,
  senderName: '阳江市预警信息发布',
  identifier: 'w-1',
  sent: '2026-12-07T06:00:00.000Z',
  msgType: 'Alert',
  exercise: false,
  references: [],
  districtNames: new Map([
    ['441702', '江城区'],
    ['441704', '阳东区'],
  ]),
  ...over,
});

const messages = {
  alert: outboundMessage(content, id({})).xml,
  drawnArea: outboundMessage(polygon, id({ identifier: 'w-2' })).xml,
  exercise: outboundMessage(content, id({ identifier: 'w-3', exercise: true })).xml,
  update: outboundMessage(
    { ...content, level: 'red' },
    id({ identifier: 'w-4', msgType: 'Update', references: [{ sender: CITY_WARNING_SENDER, identifier: 'w-1', sent: '2026-12-07T06:00:00.000Z' }] }),
  ).xml,
  cancel: outboundMessage(
    content,
    id({
      identifier: 'w-5',
      msgType: 'Cancel',
      reason: '台风减弱',
      references: [
        { sender: CITY_WARNING_SENDER, identifier: 'w-1', sent: '2026-12-07T06:00:00.000Z' },
        { sender: CITY_WARNING_SENDER, identifier: 'w-4', sent: '2026-12-07T07:00:00.000Z' },
      ],
    }),
  ).xml,
};

describe('outbound CAP 1.2', () => {
  it('every kind of message validates against the CAP 1.2 XSD', async () => {
    for (const [name, xml] of Object.entries(messages)) expect(await invalid(xml), name).toEqual([]);
  });

  it("the desk's CAP Ack validates too", async () => {
    const ack = toCapAckXml({
      sender: 'city-cockpit',
      identifier: 'ack-1',
      sent: '2026-12-07T06:05:00.000Z',
      status: 'Actual',
      acknowledged: { sender: 'yj-weather', identifier: 'typhoon-7', sent: '2026-12-07T06:00:00.000Z' },
      note: '已签收 & 转发',
      restriction: 'city duty officers',
    });
    expect(await invalid(ack)).toEqual([]);
  });

  it('the schema check is real: an unknown status, a "Z" time or elements out of order fail it', async () => {
    const broken = [
      messages.alert.replace('<status>Actual</status>', '<status>Real</status>'),
      messages.alert.replace(/<sent>([^<]+)-00:00<\/sent>/, '<sent>$1Z</sent>'),
      messages.alert.replace(/(<identifier>[^<]+<\/identifier>)(\s*)(<sender>[^<]+<\/sender>)/, '$3$2$1'),
    ];
    for (const xml of broken) {
      expect(xml).not.toBe(messages.alert);
      expect(await invalid(xml)).not.toEqual([]);
    }
  });

  it('the Atom feed is well-formed Atom 1.0, one entry per message linking its CAP XML, escaped', () => {
    const rec = (i: string, xml: string, msgType: WarningRecord['msgType']): WarningRecord => ({
      id: i,
      seriesId: 'w-1',
      msgType,
      exercise: false,
      state: 'published',
      content,
      draftedBy: 'duty',
      draftedAt: '2026-12-07T05:00:00.000Z',
      decidedBy: 'leader',
      decidedAt: '2026-12-07T06:00:00.000Z',
      rejectReason: null,
      sender: CITY_WARNING_SENDER,
      sent: '2026-12-07T06:00:00.000Z',
      alertId: 'a',
      xml,
    });
    const feed = capAtomFeed({
      baseUrl: 'https://city.example',
      selfPath: '/cap/feed.atom',
      cityName: '阳江市',
      exercise: false,
      messages: [rec('w-4', messages.update, 'Update'), rec('w-1', messages.alert, 'Alert')],
      now: new Date(),
    });
    expect(XMLValidator.validate(feed)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' }).parse(feed) as {
      feed: { '@xmlns': string; id: string; updated: string; title: string; entry: { id: string; title: string; updated: string; link: { '@href': string; '@type': string } }[] };
    };
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.feed.entry.map((e) => e.link['@href'])).toEqual(['https://city.example/cap/messages/w-4.xml', 'https://city.example/cap/messages/w-1.xml']);
    expect(doc.feed.entry.every((e) => e.link['@type'] === 'application/cap+xml' && e.id && e.updated)).toBe(true);
    expect(doc.feed.entry[0]!.title).toBe(content.headline);
    expect(feed).toContain('&lt;注意&gt; &amp; 防范');
  });

  it('messages are well-formed, in the CAP namespace, with CAP dateTimes and references as triples', () => {
    for (const xml of Object.values(messages)) expect(XMLValidator.validate(xml)).toBe(true);
    expect(messages.alert).toContain('<sent>2026-12-07T06:00:00-00:00</sent>');
    expect(messages.exercise).toContain('<status>Exercise</status>');
    expect(messages.cancel).toContain(`<references>${CITY_WARNING_SENDER},w-1,2026-12-07T06:00:00-00:00 ${CITY_WARNING_SENDER},w-4,2026-12-07T07:00:00-00:00</references>`);
    expect(messages.drawnArea).toContain('<polygon>21.8,111.9 21.8,112 21.9,112 21.8,111.9</polygon>');
    expect(messages.alert).toContain('<valueName>adcode</valueName>');
  });
});
