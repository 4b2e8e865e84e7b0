import { Router } from 'express';
import client from 'prom-client';
import type { Db } from '../store/db.js';

export interface OpsDeps {
  db: Db;
  /**
   * Present when Redis is configured: resolves when it answers PING. Its failure is reported
   * (`redis: "degraded"`) but does not fail readiness: a node without Redis still stores,
   * ingests and serves its own clients (docs/OPERATIONS.md).
   */
  pingRedis?: () => Promise<void>;
  registry: client.Registry;
  /** Set while shutting down: readiness fails so load balancers stop sending. */
  draining: () => boolean;
}

/** `/healthz` (process alive), `/readyz` (storage reachable; Redis reported), `/metrics` (Prometheus). */
export function createOpsRouter(deps: OpsDeps): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    const probe = async (name: string, fn: () => Promise<unknown>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        checks[name] = 'ok';
      } catch (err) {
        checks[name] = `failed: ${(err as Error).message}`;
      }
    };
    await probe('storage', () => deps.db.query('select 1'));
    if (deps.pingRedis) await probe('redis', deps.pingRedis);
    if (deps.draining()) checks.process = 'draining';
    const ok = Object.entries(checks).every(([name, v]) => v === 'ok' || name === 'redis');
    const redis = checks.redis === undefined ? undefined : checks.redis === 'ok' ? 'ok' : 'degraded';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not_ready', ...(redis ? { redis } : {}), checks });
  });
  r.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return r;
}
