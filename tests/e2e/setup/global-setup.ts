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
 * Builds the client once for every browser spec and starts one simulated server they share
 * (its back-filled week takes about a minute); specs that feed data themselves start their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildClientIfStale();
  const alive = await startServer({ simulate: true });
  // The simulated city issues a warning only every few hours: make sure one is in force, so
  // the alert widgets and the alert layer have something to show whatever the simulator did.
  await alive.ingest('alerts', alertJson({ expires: new Date(Date.now() + 12 * 3600_000).toISOString() }));
  project.provide('aliveUrl', alive.url);
  return () => alive.stop();
}
