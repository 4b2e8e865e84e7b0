import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';

/** The ingest key that exists in demo mode only (CONTRACT.md). */
export const DEMO_INGEST_KEY = 'demo-ingest-key';

/** Prefix of generated ingest keys, so a leaked key is recognisable in logs and scanners. */
const KEY_PREFIX = 'cck_';

/**
 * SHA-256 hex of an ingest key: what `ingest_keys.key_hash` stores.
 *
 * Ingest keys are generated with 256 bits of entropy (or required to be ≥ 24 characters
 * when configured), so a fast hash is enough to make a stolen table useless: nothing
 * there can be brute-forced. A slow password hash (argon2) on every ingest request would
 * cost tens of milliseconds of CPU per call on the hottest path; the lookup goes through
 * the unique index on the hash instead of comparing secrets in process.
 */
export function hashIngestKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random ingest key (shown once, stored hashed). */
export function generateIngestKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** A short random row id for `ingest_keys.id`. */
export function generateKeyId(): string {
  return 'ik_' + randomBytes(6).toString('hex');
}

/**
 * The JWT secret of demo mode when `JWT_SECRET` is not set. Derived from the storage
 * location so it needs no file writes, survives restarts, and is the same on every node
 * that shares one database. It is predictable, which is acceptable only because demo mode
 * publishes its passwords anyway; production refuses to start without `JWT_SECRET`.
 */
export function deriveDemoJwtSecret(storage: { databaseUrl?: string; dataDir: string }): string {
  const where = storage.databaseUrl ?? `pglite:${path.resolve(storage.dataDir)}`;
  return createHash('sha256').update(`city-cockpit demo jwt secret\0${where}`).digest('hex');
}
