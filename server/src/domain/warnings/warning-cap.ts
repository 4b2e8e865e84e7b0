import { toCapXml, type CapBuildInput, type CapReference } from '../../../../shared/cap/build-cap.js';
import { alertInput, type AlertParsed } from '../../../../shared/schemas/alert.js';
import { PUBLISHED_CATEGORY_NAMES, type WarningContent } from '../../../../shared/schemas/warning.js';
import { warningLevelInfo } from '../../../../shared/domain/warning.js';

/** What a published message needs beyond its content: its CAP identity and what it refers to. */
export interface OutboundIdentity {
  sender: string;
  senderName: string;
  identifier: string;
  /** Whole seconds: CAP dateTime has no fraction, and `references` must name exactly this. */
  sent: string;
  msgType: 'Alert' | 'Update' | 'Cancel';
  exercise: boolean;
  references: CapReference[];
  /** Names of the city's districts, for `areaDesc`. */
  districtNames: ReadonlyMap<string, string>;
  /** A Cancel's reason, sent as its description. */
  reason?: string;
}

/** A warning's content and identity as the CAP builder's input (one source for the XML and for the alert store). */
export function capInputOf(c: WarningContent, id: OutboundIdentity): CapBuildInput {
  const level = warningLevelInfo(c.level);
  const name = PUBLISHED_CATEGORY_NAMES[c.category];
  const areas: NonNullable<CapBuildInput['areas']> = [];
  if (c.districts.length)
    areas.push({
      areaDesc: c.districts.map((d) => id.districtNames.get(d) ?? d).join('、'),
      polygons: [],
      circles: [],
      geocodes: c.districts.map((value) => ({ valueName: 'adcode', value })),
    });
  if (c.polygon) areas.push({ areaDesc: '划定区域', polygons: [c.polygon], circles: [], geocodes: [] });
  return {
    sourceId: id.identifier,
    sender: id.sender,
    sent: id.sent,
    status: id.exercise ? 'Exercise' : 'Actual',
    msgType: id.msgType,
    references: id.references,
    category: c.category,
    event: `${name.zh}${level.colorZh}预警`,
    level: c.level,
    urgency: id.msgType === 'Cancel' ? 'Past' : 'Expected',
    certainty: 'Likely',
    headline: id.msgType === 'Cancel' ? `解除：${c.headline}` : c.headline,
    description: id.msgType === 'Cancel' ? (id.reason ?? c.description) : c.description,
    instruction: c.instruction || undefined,
    senderName: id.senderName,
    effective: id.sent,
    expires: c.expires,
    areas,
  };
}

/** The CAP 1.2 XML receivers and the feed get, and the same message as the alert store takes it. */
export function outboundMessage(c: WarningContent, id: OutboundIdentity): { xml: string; alert: AlertParsed } {
  const input = capInputOf(c, id);
  // The districts are derived from the areas (adcode geocodes, the drawn polygon) as for any alert.
  const alert = alertInput.parse({ ...input, references: input.references?.map((r) => `${r.sender},${r.identifier},${r.sent}`) });
  return { xml: toCapXml(input), alert };
}
