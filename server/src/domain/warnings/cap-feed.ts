import { XMLBuilder } from 'fast-xml-parser';
import type { WarningRecord } from './warnings.repository.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/** Where a published message's CAP XML is served (`GET /cap/messages/:id.xml`). */
export const capMessagePath = (id: string) => `/cap/messages/${encodeURIComponent(id)}.xml`;

/**
 * The city's published CAP messages as an Atom 1.0 feed, as alert hubs read it: one entry per
 * message (Alerts, Updates and Cancels), newest first, each linking its CAP XML.
 */
export function capAtomFeed(f: { baseUrl: string; selfPath: string; cityName: string; exercise: boolean; messages: WarningRecord[]; now: Date }): string {
  const updated = f.messages[0]?.sent ?? f.now.toISOString();
  const entries = f.messages.map((m) => ({
    id: `${f.baseUrl}${capMessagePath(m.id)}`,
    title: `${m.msgType === 'Cancel' ? '解除：' : ''}${m.content.headline}`,
    updated: m.sent,
    published: m.sent,
    author: { name: m.sender },
    link: { '@rel': 'alternate', '@type': 'application/cap+xml', '@href': `${f.baseUrl}${capMessagePath(m.id)}` },
    category: { '@term': m.msgType },
    summary: m.msgType === 'Cancel' ? (m.content.reason ?? m.content.description) : m.content.description,
  }));
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      id: `${f.baseUrl}${f.selfPath}`,
      title: `${f.cityName} 预警信息发布${f.exercise ? '（演练）' : ''}`,
      updated,
      author: { name: f.cityName },
      link: { '@rel': 'self', '@type': 'application/atom+xml', '@href': `${f.baseUrl}${f.selfPath}` },
      entry: entries,
    },
  });
}
