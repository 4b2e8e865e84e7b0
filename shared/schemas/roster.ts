import { z } from 'zod';
import { isoDateTime } from './common.js';

/** Someone on a shift: an account's username or a person's name, and a phone to reach them. */
export const dutyPerson = z.object({
  name: z.string().trim().min(1).max(64),
  phone: z
    .string()
    .trim()
    .max(32)
    .regex(/^[0-9+\-() ]*$/, 'must be a phone number (digits, +, -, spaces, brackets)')
    .optional()
    .transform((p) => p || undefined),
});
export interface DutyPerson {
  name: string;
  phone?: string;
}

/** A shift as an administrator writes it (`POST`/`PUT /api/v1/roster`). */
export const shiftInput = z
  .object({
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    leader: dutyPerson,
    officers: z.array(dutyPerson).min(1, 'a shift needs at least one duty officer (值班员)').max(10),
    note: z.string().trim().max(500).optional(),
  })
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });
export type ShiftInput = z.infer<typeof shiftInput>;
/** A shift as a client sends it (before the schema's defaults and trimming). */
export type ShiftRequest = z.input<typeof shiftInput>;

/** A stored shift of the roster. */
export interface DutyShift {
  id: string;
  startsAt: string;
  endsAt: string;
  leader: DutyPerson;
  officers: DutyPerson[];
  note: string | null;
  updatedBy: string;
  updatedAt: string;
}
