import { z } from 'zod';
import { adcode, lonLat } from './common.js';
import { WATER_BODIES } from '../domain/water.js';
import { workCalendarProblems, type WorkCalendar } from '../domain/work-calendar.js';

/**
 * A monitoring station of the city pack (air station, water section or noise point). A water
 * section must state its water body: GB 3838 grades rivers, lakes and reservoirs differently.
 */
export const station = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['air', 'water', 'noise']),
    name: z.string(),
    location: lonLat,
    district: adcode,
    /** Water sections: the class the section is managed to (水质目标). */
    targetClass: z.enum(['I', 'II', 'III', 'IV', 'V']).optional(),
    /** Noise points: GB 3096 functional zone. */
    zone: z.enum(['0', '1', '2', '3', '4a', '4b']).optional(),
    /** Water sections: the water body sampled (required for them). */
    waterBody: z.enum(WATER_BODIES).optional(),
  })
  .refine((s) => s.kind !== 'water' || s.waterBody !== undefined, {
    path: ['waterBody'],
    message: 'a water section must state its water body: river, lake or reservoir',
  });
export type Station = z.infer<typeof station>;

export const resourceType = z.enum(['rescue_team', 'warehouse', 'shelter', 'medical', 'fire_station']);
export type ResourceType = z.infer<typeof resourceType>;

/** An emergency resource: rescue team, material warehouse, shelter … */
export const resource = z.object({
  id: z.string().min(1),
  type: resourceType,
  name: z.string(),
  location: lonLat,
  district: adcode,
  capacity: z.number().int().nonnegative().optional(),
  contact: z.string().optional(),
  materials: z.record(z.string(), z.number()).optional(),
});
export type Resource = z.infer<typeof resource>;

export const camera = z.object({
  id: z.string().min(1),
  name: z.string(),
  location: lonLat,
  district: adcode,
  streamUrl: z.string().optional(),
});
export type Camera = z.infer<typeof camera>;

export const department = z.object({
  id: z.string().min(1),
  name: z.string(),
  nameEn: z.string().optional(),
  hub: z.enum(['supervision', 'command', 'department']).default('department'),
});
export type Department = z.infer<typeof department>;

/**
 * A CAP sender the city receives warnings from (or its own environment rules, `city-cockpit/env`):
 * the human name screens show instead of the sender id.
 */
export const sender = z.object({
  /** CAP `sender` exactly as the messages carry it, e.g. `qxt-441700@gd.cma.gov.cn`. */
  id: z.string().min(1).max(200),
  name: z.string().min(1),
  nameEn: z.string().optional(),
});
export type Sender = z.infer<typeof sender>;

/** Which hours a category's deadline counts (计时类型): all hours, or the city calendar's working hours. */
export const deadlineClock = z.enum(['natural', 'working']);

/** A case category with its handling deadline (configuration, not law) and the clock it counts on. */
export const caseCategory = z.object({
  code: z.string().min(1),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['facility', 'incident']),
  department: z.string(),
  deadlineHours: z.number().positive(),
  clock: deadlineClock.default('natural'),
});
export type CaseCategory = z.infer<typeof caseCategory>;

/**
 * The city's working calendar (shared/domain/work-calendar.ts): working weekdays, daily working
 * spans, public holidays and make-up working days. Each problem names its field.
 */
export const workCalendar: z.ZodType<WorkCalendar> = z
  .object({
    utcOffsetMinutes: z.number().int(),
    workdays: z.array(z.number().int()),
    hours: z.array(z.tuple([z.string(), z.string()])),
    holidays: z.array(z.string()),
    workingDays: z.array(z.string()),
  })
  .superRefine((cal, ctx) => {
    for (const p of workCalendarProblems(cal)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });

/** `city.json`: the pack's manifest. */
export const cityManifest = z.object({
  adcode,
  name: z.string(),
  nameEn: z.string(),
  center: lonLat,
  zoom: z.number(),
  population: z.number().int().positive().optional(),
  districts: z.array(z.object({ adcode, name: z.string(), nameEn: z.string().optional(), center: lonLat })),
  /** H3 resolution of the unit grid (res 10 ≈ 15,000 m² cells, near 万米单元网格). */
  gridResolution: z.number().int().min(7).max(12).default(10),
  /**
   * The city's annual air targets (the headline air assessment): 优良天数比例 as a share
   * (0..1, at least) and the annual PM2.5 mean (μg/m³, at most). Optional.
   */
  airTargets: z.object({ goodDaysRatio: z.number().min(0).max(1).optional(), pm25Mean: z.number().positive().optional() }).optional(),
  /** Working days and hours for deadlines on the working clock. Absent: every category counts natural hours. */
  calendar: workCalendar.optional(),
});
export type CityManifest = z.infer<typeof cityManifest>;
