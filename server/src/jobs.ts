import type { Logger } from 'pino';
import type { Domain } from './domain/index.js';

export interface JobIntervals {
  /** How often the vital signs are recomputed when something changed. */
  kpiMs: number;
  /** How often they are recomputed anyway (time moves: "today", overdue, stale readings). */
  kpiForceMs: number;
  /** How often overdue cases are escalated, alerts escalated/expired and idle drill sessions ended. */
  sweepMs: number;
  /** How often the rollup log is looked at, and folded into the case rollups once ingest is quiet (analysis reads fold first anyway). */
  rollupsMs: number;
}

const DEFAULTS: JobIntervals = { kpiMs: 1000, kpiForceMs: 30_000, sweepMs: 15_000, rollupsMs: 1000 };

/** The server's periodic work; each job runs one at a time and logs (never throws) on failure. */
export function startJobs(domain: Domain, log: Logger, intervals: Partial<JobIntervals> = {}) {
  const iv = { ...DEFAULTS, ...intervals };
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, fn: () => Promise<unknown>) => {
    let running = false;
    // `tick` never rejects: a failure is logged, so the timer may drop its promise.
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await fn();
      } catch (err) {
        log.error({ err, job: name }, 'job failed');
      } finally {
        running = false;
      }
    };
    const t = setInterval(() => void tick(), ms);
    t.unref();
    timers.push(t);
  };
  let forcedAt = Date.now();
  every(iv.kpiMs, 'kpi', () => {
    const force = Date.now() - forcedAt >= iv.kpiForceMs;
    if (force) forcedAt = Date.now();
    return domain.refreshKpis(force);
  });
  every(iv.rollupsMs, 'rollups', () => domain.foldRollups());
  every(iv.sweepMs, 'sweep', async () => {
    await domain.grid.escalateOverdue();
    await domain.alerts.sweep();
    await domain.drills.sweep();
  });
  return { stop: () => timers.forEach(clearInterval) };
}
