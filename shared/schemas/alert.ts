import { z } from 'zod';
import { adcode, isoDateTime, sourceId, warningLevel } from './common.js';
import { parseMessageRef } from '../cap/message-ref.js';

/** Hazard categories the cockpit knows; CAP `category` maps onto these by `event`. */
export const alertCategory = z.enum(['typhoon', 'rainstorm', 'flood', 'geological', 'forest_fire', 'hazchem', 'production_safety', 'public_health', 'environment', 'case_escalation', 'other']);
export type AlertCategory = z.infer<typeof alertCategory>;

export const capStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export const capMsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
export const capUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']);
export const capSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export const capCertainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']);
export type CapSeverity = z.infer<typeof capSeverity>;

/**
 * Geometry accepted in one alert (product rule): enough for any real warning area (a
 * district boundary has a few thousand points), small enough that one message cannot
 * flood every screen. Screens get a simplified shape; the original is kept.
 */
export const ALERT_GEOMETRY_LIMITS = { pointsPerPolygon: 10_000, polygonsPerArea: 100, circlesPerArea: 100, geocodesPerArea: 500, areas: 100, points: 20_000 } as const;

/** Polygon ring as [lon, lat] pairs (WGS84), first equal to last. */
export const ring = z
  .array(z.tuple([z.number().gte(-180).lte(180), z.number().gte(-90).lte(90)]))
  .min(4)
  .max(ALERT_GEOMETRY_LIMITS.pointsPerPolygon, `a polygon may have at most ${ALERT_GEOMETRY_LIMITS.pointsPerPolygon} points`)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'polygon ring must be closed (first point equals last)',
  });

export const alertArea = z.object({
  areaDesc: z.string().min(1).max(500),
  polygons: z.array(ring).max(ALERT_GEOMETRY_LIMITS.polygonsPerArea, `an area may have at most ${ALERT_GEOMETRY_LIMITS.polygonsPerArea} polygons`).default([]),
  circles: z
    .array(z.object({ lon: z.number(), lat: z.number(), radiusKm: z.number().nonnegative() }))
    .max(ALERT_GEOMETRY_LIMITS.circlesPerArea, `an area may have at most ${ALERT_GEOMETRY_LIMITS.circlesPerArea} circles`)
    .default([]),
  /** Administrative codes the area names (CAP geocode), e.g. adcodes. */
  geocodes: z
    .array(z.object({ valueName: z.string(), value: z.string() }))
    .max(ALERT_GEOMETRY_LIMITS.geocodesPerArea, `an area may have at most ${ALERT_GEOMETRY_LIMITS.geocodesPerArea} geocodes`)
    .default([]),
});
export type AlertArea = z.infer<typeof alertArea>;

/** A CAP `references` entry: a `sender,identifier,sent` triple, or (JSON only) a bare identifier of the same sender. */
const messageRef = z.string().refine((s) => parseMessageRef(s) !== null, {
  message: 'must be a "sender,identifier,sent" triple or an identifier without spaces or commas',
});

/** Total polygon points of an alert's areas. */
export function alertPointCount(areas: readonly AlertArea[]): number {
  return areas.reduce((n, a) => n + a.polygons.reduce((m, r) => m + r.length, 0), 0);
}

/**
 * An alert as an integrator sends it as JSON (`POST /api/v1/ingest/alerts`); CAP 1.2 XML is
 * converted to this shape. `sourceId` is the CAP `identifier`; `sender`, `sourceId` and
 * `sent` together identify the message, as CAP 1.2 says.
 */
export const alertInput = z
  .object({
    sourceId,
    sender: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^\s,]+$/, 'must not contain spaces or commas (CAP sender)'),
    sent: isoDateTime,
    status: capStatus.default('Actual'),
    msgType: capMsgType.default('Alert'),
    /** The messages this one updates or cancels: `sender,identifier,sent` triples (an identifier alone means this sender's). */
    references: z.array(messageRef).max(100).default([]),
    category: alertCategory,
    event: z.string().min(1).max(200),
    level: warningLevel,
    urgency: capUrgency.default('Unknown'),
    certainty: capCertainty.default('Unknown'),
    headline: z.string().max(500).optional(),
    description: z.string().max(8000).optional(),
    instruction: z.string().max(8000).optional(),
    senderName: z.string().max(200).optional(),
    effective: isoDateTime.optional(),
    onset: isoDateTime.optional(),
    expires: isoDateTime.optional(),
    areas: z.array(alertArea).max(ALERT_GEOMETRY_LIMITS.areas, `at most ${ALERT_GEOMETRY_LIMITS.areas} areas`).default([]),
    /** Adcodes the alert covers; derived from the areas when absent. */
    districts: z.array(adcode).optional(),
  })
  .superRefine((a, ctx) => {
    const points = alertPointCount(a.areas);
    if (points > ALERT_GEOMETRY_LIMITS.points) {
      ctx.addIssue({ code: 'custom', path: ['areas'], message: `${points} polygon points in one alert; at most ${ALERT_GEOMETRY_LIMITS.points} are accepted` });
    }
  });
export type AlertInput = z.input<typeof alertInput>;
export type AlertParsed = z.infer<typeof alertInput>;

export const alertState = z.enum(['active', 'acknowledged', 'cancelled', 'expired']);
export type AlertState = z.infer<typeof alertState>;

/**
 * `warning`: an official warning from an external sender (weather bureau, emergency
 * management …). `notice`: raised by the city's own environment rules (环境提示), never an
 * official 预警.
 */
export const alertKind = z.enum(['warning', 'notice']);
export type AlertKind = z.infer<typeof alertKind>;

/** CAP `sender` of the city's own environment notices; reserved, refused from integrators. */
export const CITY_ENV_SENDER = 'city-cockpit/env';

/** CAP `sender` of the city's duty desk: its acknowledgements (`Ack`) go out under it; reserved too. */
export const CITY_DUTY_SENDER = 'city-cockpit/duty';

/** CAP `sender` of the warnings the city publishes (信息发布, docs/API.md → Warnings published); reserved too. */
export const CITY_WARNING_SENDER = 'city-cockpit/warnings';

/** Senders only the city itself uses. */
export const CITY_SENDERS: readonly string[] = [CITY_ENV_SENDER, CITY_DUTY_SENDER, CITY_WARNING_SENDER];

export const alertHistoryKind = z.enum(['received', 'updated', 'cancelled', 'escalated', 'acknowledged', 'expired']);
export type AlertHistoryKind = z.infer<typeof alertHistoryKind>;

/**
 * One field an Update changed. Areas are summarised (`{names, points}`: the area names and
 * the polygon points), never the geometry itself.
 */
export const alertChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type AlertChange = z.infer<typeof alertChange>;

/**
 * One event in an alert's history (`GET /api/v1/alerts/:id` → `history`, oldest first).
 * `actor`: the CAP sender for received/updated/cancelled, the user for acknowledged, null
 * for what the system did (escalated, expired).
 */
export const alertHistoryEntry = z.object({
  at: isoDateTime,
  kind: alertHistoryKind,
  actor: z.string().nullable(),
  /** The escalation step reached (escalated only). */
  step: z.number().int().positive().optional(),
  /** What an Update changed (updated only). */
  changes: z.array(alertChange).optional(),
  /** The acknowledgement's comment (acknowledged only). */
  comment: z.string().optional(),
  /** The CAP message concerned: the one received, or the one acknowledged. */
  message: z.object({ sender: z.string(), identifier: z.string(), sent: z.string() }).optional(),
});
export type AlertHistoryEntry = z.infer<typeof alertHistoryEntry>;

/** A stored alert as the screens and the live `alerts` topic see it. */
export const alert = z.object({
  id: z.string(),
  sourceId: z.string(),
  sender: z.string(),
  /** CAP `senderName` as sent (screens prefer the city pack's name for the sender). */
  senderName: z.string().nullable(),
  kind: alertKind,
  sent: isoDateTime,
  category: alertCategory,
  event: z.string(),
  level: warningLevel,
  severity: capSeverity,
  urgency: capUrgency,
  certainty: capCertainty,
  headline: z.string().nullable(),
  description: z.string().nullable(),
  instruction: z.string().nullable(),
  effective: isoDateTime.nullable(),
  expires: isoDateTime.nullable(),
  /** Screens and lists get polygons simplified to a few hundred points; `GET /api/v1/alerts/:id` the original. */
  areas: z.array(alertArea),
  /** True when `areas` is a simplified copy of larger original geometry. */
  simplified: z.boolean(),
  districts: z.array(adcode),
  state: alertState,
  exercise: z.boolean(),
  /** Escalation steps taken while unacknowledged (0 = none yet). */
  escalation: z.number().int().nonnegative(),
  /** When it was raised at its current level: the escalation clock (restarts when the level rises). */
  raisedAt: isoDateTime,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  ackComment: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Alert = z.infer<typeof alert>;
