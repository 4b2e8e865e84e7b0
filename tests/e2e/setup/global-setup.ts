import type { TestProject } from 'vitest/node';
import { alertJson } from '../../fixtures/payloads.js';
import { buildClientIfStale } from './build-client.js';
import { startServer } from './server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the shared server with the simulator running (the "alive" city). */
    aliveUrl: string;
  }
}

/**
 * Waits until the simulator's back-filled week has reached the last hour (it goes oldest
 * first), so the specs start on a filled city rather than during the bulk ingest.
 */
async function backfilled(url: string, timeoutMs = 240_000): Promise<void> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: 'demo' }) });
  const { token } = (await login.json()) as { token: string };
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const res = await fetch(`${url}/api/v1/stats/case-trend`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    const hours = res?.ok ? ((await res.json()) as { hours: { reported: number }[] }).hours : [];
    if ((hours.at(-2)?.reported ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the simulator did not back-fill the last hour in time');
}

/**
 * Builds the client once for every browser spec and starts one simulated server they share
 * (its back-filled week takes about a minute); specs that feed data themselves start their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildClientIfStale();
  const alive = await startServer({ simulate: true });
  await backfilled(alive.url);
  // The simulated city issues a warning only every few hours: make sure one is in force, so
  // the alert widgets and the alert layer have something to show whatever the simulator did.
  await alive.ingest('alerts', alertJson({ expires: new Date(Date.now() + 12 * 3600_000).toISOString() }));
  project.provide('aliveUrl', alive.url);
  return () => alive.stop();
}
