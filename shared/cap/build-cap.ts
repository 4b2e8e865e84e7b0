import { XMLBuilder } from 'fast-xml-parser';
import type { AlertInput, CapSeverity } from '../schemas/alert.js';
import { severityFromLevel } from '../domain/warning.js';
import { CAP_CATEGORY_FOR, CAP_NAMESPACE, type CapCategory, type CapScope } from './cap-mapping.js';

/** One entry of CAP `references`: the alert an Update or Cancel concerns. */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

/** A further `info` block, e.g. the English translation of a Chinese alert. */
export interface CapTranslation {
  language: string;
  event: string;
  headline?: string;
  description?: string;
  instruction?: string;
  senderName?: string;
}

/** What `toCapXml` takes: an alert as sent as JSON, plus the CAP details JSON leaves out. */
export interface CapBuildInput extends Omit<AlertInput, 'references' | 'districts'> {
  /**
   * The messages this one concerns, as whole triples: CAP 1.2 identifies a message by sender,
   * identifier and sent, and an identifier alone cannot say which `sent` it was.
   */
  references?: CapReference[];
  /** Defaults to the level's severity (red → Extreme …). */
  severity?: CapSeverity;
  scope?: CapScope;
  /** Language of the main info block; default zh-CN. */
  language?: string;
  capCategory?: CapCategory;
  translations?: CapTranslation[];
}

/**
 * CAP dateTime has no fractional seconds and no `Z` (UTC is written `-00:00`); ISO strings
 * from JavaScript are brought into that form without changing the instant.
 */
export function capDateTime(iso: string): string {
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date-time: ${iso}`);
  return d.toISOString().replace(/\.\d{3}Z$/, '-00:00');
}

const pair = (lon: number, lat: number) => `${lat},${lon}`;

type AreaIn = NonNullable<AlertInput['areas']>[number];

function areaElement(area: AreaIn) {
  return {
    areaDesc: area.areaDesc,
    polygon: (area.polygons ?? []).map((ring) => ring.map(([lon, lat]) => pair(lon, lat)).join(' ')),
    circle: (area.circles ?? []).map((c) => `${pair(c.lon, c.lat)} ${c.radiusKm}`),
    geocode: (area.geocodes ?? []).map((g) => ({ valueName: g.valueName, value: g.value })),
  };
}

/** Drops undefined fields so the builder emits no empty elements. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

/** The one XML writer of the city's CAP messages (attributes as `@name`, indented). */
export const capXmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/**
 * Builds a valid OASIS CAP 1.2 message (elements in schema order) from an alert. One
 * builder for the simulator, the tests and anyone integrating, so they all send the same CAP.
 */
export function toCapXml(alert: CapBuildInput): string {
  const sent = capDateTime(alert.sent);
  const references = (alert.references ?? []).map((r) => `${r.sender},${r.identifier},${capDateTime(r.sent)}`).join(' ');
  const common = {
    category: alert.capCategory ?? CAP_CATEGORY_FOR[alert.category],
    urgency: alert.urgency ?? 'Unknown',
    severity: alert.severity ?? severityFromLevel(alert.level),
    certainty: alert.certainty ?? 'Unknown',
  };
  const info = (t: CapTranslation) =>
    compact({
      language: t.language,
      category: common.category,
      event: t.event,
      urgency: common.urgency,
      severity: common.severity,
      certainty: common.certainty,
      effective: alert.effective ? capDateTime(alert.effective) : undefined,
      onset: alert.onset ? capDateTime(alert.onset) : undefined,
      expires: alert.expires ? capDateTime(alert.expires) : undefined,
      senderName: t.senderName,
      headline: t.headline,
      description: t.description,
      instruction: t.instruction,
      area: (alert.areas ?? []).map(areaElement),
    });
  const main: CapTranslation = {
    language: alert.language ?? 'zh-CN',
    event: alert.event,
    headline: alert.headline,
    description: alert.description,
    instruction: alert.instruction,
    senderName: alert.senderName,
  };
  const doc = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    alert: compact({
      '@xmlns': CAP_NAMESPACE,
      identifier: alert.sourceId,
      sender: alert.sender,
      sent,
      status: alert.status ?? 'Actual',
      msgType: alert.msgType ?? 'Alert',
      scope: alert.scope ?? 'Public',
      references: references || undefined,
      info: [main, ...(alert.translations ?? [])].map(info),
    }),
  };
  return capXmlBuilder.build(doc);
}
