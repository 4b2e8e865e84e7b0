import { z } from 'zod';
import { adcode, isoDateTime, sourceId, warningLevel } from './common.js';

/** Hazard categories the cockpit knows; CAP `category` maps onto these by `event`. */
export const alertCategory = z.enum([
  'typhoon',
  'rainstorm',
  'flood',
  'geological',
  'forest_fire',
  'hazchem',
  'production_safety',
  'public_health',
  'environment',
  'case_escalation',
  'other',
]);
export type AlertCategory = z.infer<typeof alertCategory>;

export const capStatus = z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']);
export const capMsgType = z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']);
export const capUrgency = z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']);
export const capSeverity = z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']);
export const capCertainty = z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']);
export type CapSeverity = z.infer<typeof capSeverity>;

/** Polygon ring as [lon, lat] pairs (WGS84), first equal to last. */
export const ring = z
  .array(z.tuple([z.number().gte(-180).lte(180), z.number().gte(-90).lte(90)]))
  .min(4)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], {
    message: 'polygon ring must be closed (first point equals last)',
  });

export const alertArea = z.object({
  areaDesc: z.string().min(1).max(500),
  polygons: z.array(ring).default([]),
  circles: z
    .array(z.object({ lon: z.number(), lat: z.number(), radiusKm: z.number().nonnegative() }))
    .default([]),
  /** Administrative codes the area names (CAP geocode), e.g. adcodes. */
  geocodes: z.array(z.object({ valueName: z.string(), value: z.string() })).default([]),
});
export type AlertArea = z.infer<typeof alertArea>;

/**
 * An alert as an integrator sends it as JSON (`POST /api/v1/ingest/alerts`); CAP 1.2 XML is
 * converted to this shape. `sourceId` is the CAP `identifier`.
 */
export const alertInput = z.object({
  sourceId,
  sender: z.string().min(1).max(200),
  sent: isoDateTime,
  status: capStatus.default('Actual'),
  msgType: capMsgType.default('Alert'),
  /** CAP identifiers (not `sender,identifier,sent` triples) of the alerts this one updates or cancels. */
  references: z.array(z.string()).default([]),
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
  areas: z.array(alertArea).default([]),
  /** Adcodes the alert covers; derived from the areas when absent. */
  districts: z.array(adcode).optional(),
});
export type AlertInput = z.input<typeof alertInput>;
export type AlertParsed = z.infer<typeof alertInput>;

export const alertState = z.enum(['active', 'acknowledged', 'cancelled', 'expired']);
export type AlertState = z.infer<typeof alertState>;

/** A stored alert as the screens and the live `alerts` topic see it. */
export const alert = z.object({
  id: z.string(),
  sourceId: z.string(),
  sender: z.string(),
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
  areas: z.array(alertArea),
  districts: z.array(adcode),
  state: alertState,
  exercise: z.boolean(),
  /** Escalation steps taken while unacknowledged (0 = none yet). */
  escalation: z.number().int().nonnegative(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoDateTime.nullable(),
  ackComment: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Alert = z.infer<typeof alert>;
