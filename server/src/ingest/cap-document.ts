import { z } from 'zod';
import { ALERT_GEOMETRY_LIMITS, capCertainty, capMsgType, capSeverity, capStatus, capUrgency } from '../../../shared/schemas/alert.js';
import { capCategory, capScope } from '../../../shared/cap/cap-mapping.js';
import { parseMessageRef } from '../../../shared/cap/message-ref.js';

/*
 * The CAP 1.2 document as fast-xml-parser hands it over (every leaf a string, repeatable
 * elements always arrays), validated element by element so that a 422 names the element.
 */

const missing = (what: string) => (iss: { input: unknown }) => (iss.input === undefined ? 'required element is missing' : what);

const text = (max: number) =>
  z
    .string({ error: missing('must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** Empty optional elements (`<headline/>`) count as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const capEnum = <T extends Readonly<Record<string, string>>>(values: T) => z.enum(values, { error: missing(`must be one of ${Object.values(values).join(', ')} (exactly as CAP 1.2 spells them)`) });

const dateTime = z.iso.datetime({ offset: true, error: 'must be a CAP dateTime with offset, e.g. 2026-07-01T08:00:00+08:00' });

/**
 * CAP `references`: space-separated `sender,identifier,sent` triples, kept whole: a message
 * is identified by all three (CAP 1.2), never by its identifier alone.
 */
export const capReferences = z.string().transform((s, ctx) => {
  const triples = s.trim().split(/\s+/);
  for (const triple of triples) {
    if (parseMessageRef(triple)?.sender == null) {
      ctx.addIssue({ code: 'custom', message: `"${triple.slice(0, 80)}" is not a "sender,identifier,sent" triple` });
      return z.NEVER;
    }
  }
  return triples;
});

const coord = (s: string): number | null => (/^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : null);

/** `lat,lon` → `[lon, lat]`, or null when malformed or out of range. */
function point(pair: string): [number, number] | null {
  const [latS, lonS, extra] = pair.split(',');
  if (latS === undefined || lonS === undefined || extra !== undefined) return null;
  const lat = coord(latS);
  const lon = coord(lonS);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

/** CAP polygon: space-separated `lat,lon` pairs, at least four, first equal to last. */
export const capPolygon = z.string().transform((s, ctx) => {
  const pairs = s.trim().split(/\s+/);
  if (pairs.length > ALERT_GEOMETRY_LIMITS.pointsPerPolygon) {
    ctx.addIssue({ code: 'custom', message: `${pairs.length} points; a polygon may have at most ${ALERT_GEOMETRY_LIMITS.pointsPerPolygon}` });
    return z.NEVER;
  }
  const ring: [number, number][] = [];
  for (const p of pairs) {
    const pt = point(p);
    if (!pt) {
      ctx.addIssue({ code: 'custom', message: `"${p.slice(0, 40)}" is not a "lat,lon" pair within range` });
      return z.NEVER;
    }
    ring.push(pt);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length < 4) ctx.addIssue({ code: 'custom', message: 'a polygon needs at least 4 "lat,lon" pairs' });
  else if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
    ctx.addIssue({ code: 'custom', message: 'polygon must be closed: the first pair must equal the last' });
  }
  return ring;
});

/** CAP circle: `lat,lon radius` with the radius in kilometres. */
export const capCircle = z.string().transform((s, ctx) => {
  const [centre, radiusS, extra] = s.trim().split(/\s+/);
  const pt = centre ? point(centre) : null;
  const radiusKm = radiusS !== undefined ? coord(radiusS) : null;
  if (!pt || radiusKm === null || radiusKm < 0 || extra !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'circle must be "lat,lon radius_km", e.g. "21.85,111.95 30"' });
    return z.NEVER;
  }
  return { lon: pt[0], lat: pt[1], radiusKm };
});

const valuePair = z.object({ valueName: text(200), value: text(200) });

export const capArea = z.object({
  areaDesc: text(500),
  polygon: z.array(capPolygon).max(ALERT_GEOMETRY_LIMITS.polygonsPerArea, `at most ${ALERT_GEOMETRY_LIMITS.polygonsPerArea} polygons per area`).default([]),
  circle: z.array(capCircle).max(ALERT_GEOMETRY_LIMITS.circlesPerArea, `at most ${ALERT_GEOMETRY_LIMITS.circlesPerArea} circles per area`).default([]),
  geocode: z.array(valuePair).max(ALERT_GEOMETRY_LIMITS.geocodesPerArea, `at most ${ALERT_GEOMETRY_LIMITS.geocodesPerArea} geocodes per area`).default([]),
});

export const capInfo = z.object({
  language: optional(z.string().trim()),
  category: z.array(capEnum(capCategory.enum)).min(1, 'at least one <category> is required'),
  event: text(200),
  urgency: capEnum(capUrgency.enum),
  severity: capEnum(capSeverity.enum),
  certainty: capEnum(capCertainty.enum),
  effective: optional(dateTime),
  onset: optional(dateTime),
  expires: optional(dateTime),
  senderName: optional(text(200)),
  headline: optional(text(500)),
  description: optional(text(8000)),
  instruction: optional(text(8000)),
  area: z.array(capArea).max(ALERT_GEOMETRY_LIMITS.areas, `at most ${ALERT_GEOMETRY_LIMITS.areas} areas`).default([]),
});
export type CapInfo = z.infer<typeof capInfo>;

export const capAlert = z
  .object({
    identifier: text(200).regex(/^[^\s,<&]+$/, 'must not contain spaces, commas, < or &'),
    sender: text(200).regex(/^[^\s,<&]+$/, 'must not contain spaces, commas, < or &'),
    sent: z
      .string({ error: missing('must be text') })
      .trim()
      .pipe(dateTime),
    status: capEnum(capStatus.enum),
    msgType: capEnum(capMsgType.enum),
    scope: capEnum(capScope.enum),
    restriction: optional(z.string()),
    addresses: optional(z.string()),
    references: optional(capReferences),
    info: z.array(capInfo).default([]),
  })
  .superRefine((a, ctx) => {
    if ((a.msgType === 'Alert' || a.msgType === 'Update') && a.info.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['info'], message: `at least one <info> is required for msgType ${a.msgType}` });
    }
    if ((a.msgType === 'Update' || a.msgType === 'Cancel') && !a.references) {
      ctx.addIssue({ code: 'custom', path: ['references'], message: `required for msgType ${a.msgType}: "sender,identifier,sent" of the alert it concerns` });
    }
    if (a.scope === 'Restricted' && !a.restriction) {
      ctx.addIssue({ code: 'custom', path: ['restriction'], message: 'required when scope is Restricted' });
    }
    if (a.scope === 'Private' && !a.addresses) {
      ctx.addIssue({ code: 'custom', path: ['addresses'], message: 'required when scope is Private' });
    }
  });
export type CapAlert = z.infer<typeof capAlert>;

/** Zod path → CAP element path: `['info', 0, 'severity']` → `alert.info[0].severity`. */
export function capPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), 'alert');
}
