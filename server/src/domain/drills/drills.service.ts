import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/db.js';
import { AppError } from '../../errors.js';
import type { DrillSession, DrillStartInput } from '../../../../shared/schemas/drill.js';
import type { ChangeSink } from '../ports.js';
import * as repo from './drills.repository.js';

/** A session that heard no exercise data for this long, with no exercise alert in force, ends by itself. */
export const DRILL_IDLE_MS = 30 * 60_000;

export interface DrillServiceDeps {
  db: Db;
  sink: ChangeSink;
  /** Every district of the city: a drill concerns the whole city. */
  districts: string[];
  now?: () => Date;
  idleMs?: number;
}

/**
 * Drill sessions (指挥演练): started and ended explicitly (duty officers, administrators, the
 * simulator with the ingest key) or ended by the idle rule, and pushed live on the `drills`
 * topic so every screen shows the drill badge exactly while a session is open.
 */
export function createDrillService(deps: DrillServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const idleMs = deps.idleMs ?? DRILL_IDLE_MS;
  /** Exercise data this node stored since the last sweep wrote it down (ms), or 0. */
  let heardAt = 0;

  return {
    async start(input: DrillStartInput, by: string): Promise<DrillSession> {
      const at = now().toISOString();
      const session = await repo.insert(deps.db, {
        id: randomUUID(),
        name: input.name ?? `演练 ${at.slice(0, 16).replace('T', ' ')}`,
        scenario: input.scenario ?? null,
        districts: deps.districts,
        startedAt: at,
        startedBy: by,
        endedAt: null,
        endedBy: null,
        lastDataAt: at,
      });
      deps.sink.publish('drills', [session]);
      return session;
    },

    /** Ends an open session; ending an ended one answers it as it is (a retried request), an unknown id 404. */
    async end(id: string, by: string): Promise<DrillSession> {
      const ended = await repo.end(deps.db, id, now().toISOString(), by);
      if (ended) {
        deps.sink.publish('drills', [ended]);
        return ended;
      }
      const known = await repo.get(deps.db, id);
      if (!known) throw new AppError(404, 'not_found', `No drill session ${id}`);
      return known;
    },

    list: (f: { openOnly: boolean; limit: number }) => repo.list(deps.db, f),
    /** The open sessions, for the live snapshot. */
    open: () => repo.list(deps.db, { openOnly: true, limit: 100 }),

    /** Exercise data was stored (cheap, in memory; the sweep writes it down). */
    heard(): void {
      heardAt = now().getTime();
    },

    /** Writes down when exercise data last arrived, then ends the sessions idle for too long. */
    async sweep(): Promise<DrillSession[]> {
      const t = now();
      if (heardAt) {
        const at = heardAt;
        heardAt = 0;
        await repo.touch(deps.db, new Date(at).toISOString());
      }
      const ended = await repo.endIdle(deps.db, new Date(t.getTime() - idleMs).toISOString(), t.toISOString());
      if (ended.length) deps.sink.publish('drills', ended);
      return ended;
    },
  };
}

export type DrillService = ReturnType<typeof createDrillService>;
