import { z } from 'zod';

/** Body of `POST /api/v1/drills`: what the drill is called and, optionally, its scenario. */
export const drillStartInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  scenario: z.string().trim().min(1).max(50).optional(),
});
export type DrillStartInput = z.infer<typeof drillStartInput>;

/**
 * A drill session (指挥演练): from its start to its end every screen shows that a drill is
 * running. Exercise data is kept apart from real data whether a session is open or not; the
 * session only says when the drill runs. Live topic `drills`.
 */
export interface DrillSession {
  id: string;
  name: string;
  scenario: string | null;
  /** The districts the drill concerns (the whole city): every screen scoped to one of them follows it. */
  districts: string[];
  startedAt: string;
  /** Username, or `ingest-key` for a source such as the simulator. */
  startedBy: string;
  endedAt: string | null;
  /** Username, `ingest-key`, or `auto` (ended by the server's rule, docs/DOMAIN_RULES.md). */
  endedBy: string | null;
  /** When exercise data last arrived while the session was open (or its start). */
  lastDataAt: string;
}
