import { readFileSync } from 'node:fs';
import type { DrillSession } from '../../../shared/schemas/drill.js';
import type { Db } from '../store/db.js';

/** `GET /api/v1/admin/health` (docs/API.md → Administration). */
export interface SystemHealth {
  database: { engine: Db['engine']; ok: boolean; latencyMs: number | null };
  redis: { configured: true; ok: boolean } | null;
  mqtt: { configured: boolean; connected: boolean };
  simulator: { lastIngestAt: string | null; drill: DrillSession | null };
  live: { clients: number };
  uptimeS: number;
  version: string;
}

export interface HealthDeps {
  db: Db;
  /** Present when Redis is configured: resolves when it answers. */
  pingRedis?: () => Promise<void>;
  mqtt: () => { configured: boolean; connected: boolean };
  /** The last ingest on this node, else the last key use the summary recorded. */
  lastIngestAt: () => Promise<string | null>;
  openDrill: () => Promise<DrillSession | null>;
  liveClients: () => number;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** How long a probe may take before it counts as failed. */
const PROBE_MS = 2000;

/** Probes each part the operator cares about; a failing part is reported, never thrown. */
export async function systemHealth(deps: HealthDeps): Promise<SystemHealth> {
  const started = performance.now();
  const dbOk = await probe(() => deps.db.query('select 1'));
  const latencyMs = dbOk ? Math.round((performance.now() - started) * 10) / 10 : null;
  const [redisOk, lastIngestAt, drill] = await Promise.all([
    deps.pingRedis ? probe(deps.pingRedis) : Promise.resolve(null),
    dbOk ? deps.lastIngestAt().catch(() => null) : Promise.resolve(null),
    dbOk ? deps.openDrill().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    database: { engine: deps.db.engine, ok: dbOk, latencyMs },
    redis: redisOk === null ? null : { configured: true, ok: redisOk },
    mqtt: deps.mqtt(),
    simulator: { lastIngestAt, drill },
    live: { clients: deps.liveClients() },
    uptimeS: Math.round(process.uptime()),
    version: VERSION,
  };
}

async function probe(fn: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_MS)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
