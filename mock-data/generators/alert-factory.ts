import type { AlertArea, AlertCategory, AlertInput } from '../../shared/schemas/alert.js';
import type { WarningLevel } from '../../shared/schemas/common.js';
import type { SimCity, SimDistrict } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { toLocalIso, wholeSecond } from '../simulator/time.js';
import { COLOUR_ZH, signalInstruction, signalMeaning } from './alert-texts.js';
import { citySenders } from '../city-pack-builder/senders.js';

/** Who issues a kind of warning in a city. */
export type Issuer = 'weather' | 'emergency' | 'natural_resources';

/** CAP `sender` (no spaces or commas) and the human-readable `senderName`, as the city pack lists them. */
export function issuer(city: SimCity, who: Issuer): { sender: string; senderName: string } {
  const s = citySenders(city)[who];
  return { sender: s.id, senderName: s.name };
}

/** One message of a warning signal's life (issue, change of level, lifting). */
export interface SignalSpec {
  identifier: string;
  sent: number;
  exercise: boolean;
  msgType: 'Alert' | 'Update' | 'Cancel';
  /** The message this one updates or cancels. */
  previous?: { identifier: string; sent: number; level: WarningLevel };
  from: { sender: string; senderName: string };
  category: AlertCategory;
  /** Hazard word as signal names use it: 台风, 暴雨, 高温 … */
  hazard: string;
  level: WarningLevel;
  districts: readonly SimDistrict[];
  expires: number;
}

/**
 * A district as a CAP area named by its adcode geocode only. District boundaries share
 * their edges with the neighbours, and an area polygon that touches a district counts as
 * covering it, so sending the boundary would spill every warning into the next district.
 */
function areaOf(district: SimDistrict): AlertArea {
  return { areaDesc: district.name, polygons: [], circles: [], geocodes: [{ valueName: 'adcode', value: district.adcode }] };
}

function headline(spec: SignalSpec): string {
  const name = (level: WarningLevel): string => `${spec.hazard}${COLOUR_ZH[level]}预警信号`;
  const prefix = spec.exercise ? '【演练】' : '';
  const who = spec.from.senderName;
  if (spec.msgType === 'Alert') return `${prefix}${who}发布${name(spec.level)}`;
  if (spec.msgType === 'Cancel') return `${prefix}${who}解除${name(spec.level)}`;
  const before = spec.previous?.level ?? spec.level;
  const rank = { blue: 1, yellow: 2, orange: 3, red: 4 } as const;
  const verb = rank[spec.level] > rank[before] ? '升级为' : rank[spec.level] < rank[before] ? '降级为' : '更新为';
  return `${prefix}${who}将${name(before)}${verb}${COLOUR_ZH[spec.level]}`;
}

/**
 * A warning signal message: the JSON alert (validated by the shared schema) plus the CAP
 * references it is sent with. Severity follows the product's colour mapping in the CAP
 * builder; urgency grows with the level; a Cancel says the danger is past.
 */
export function signalMessage(spec: SignalSpec): Outbound {
  const sent = wholeSecond(spec.sent);
  const places = spec.districts.map((d) => d.name).join('、');
  const urgency = spec.msgType === 'Cancel' ? 'Past' : spec.level === 'red' || spec.level === 'orange' ? 'Immediate' : spec.level === 'yellow' ? 'Expected' : 'Future';
  const description =
    spec.msgType === 'Cancel'
      ? `${places}${spec.hazard}影响已基本结束，${spec.from.senderName}解除${spec.hazard}${COLOUR_ZH[spec.level]}预警信号。`
      : `${places}：${signalMeaning(spec.hazard, spec.level)}`;
  const payload: AlertInput = {
    sourceId: spec.identifier,
    sender: spec.from.sender,
    sent: toLocalIso(sent),
    status: spec.exercise ? 'Exercise' : 'Actual',
    msgType: spec.msgType,
    references: spec.previous ? [spec.previous.identifier] : [],
    category: spec.category,
    event: `${spec.hazard}预警信号`,
    level: spec.level,
    urgency,
    certainty: spec.msgType === 'Cancel' || spec.level === 'red' ? 'Observed' : 'Likely',
    headline: headline(spec),
    description,
    ...(spec.msgType === 'Cancel' ? {} : { instruction: signalInstruction(spec.hazard) }),
    senderName: spec.from.senderName,
    effective: toLocalIso(sent),
    expires: toLocalIso(spec.expires),
    areas: spec.districts.map(areaOf),
    districts: spec.districts.map((d) => d.adcode),
  };
  const capReferences = spec.previous ? [{ sender: spec.from.sender, identifier: spec.previous.identifier, sent: toLocalIso(spec.previous.sent) }] : [];
  return { channel: 'alert', at: sent, payload, capReferences };
}
