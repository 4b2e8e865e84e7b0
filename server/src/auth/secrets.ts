import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Name of the demo token secret's file in `DATA_DIR`. */
export const DEMO_SECRET_FILE = 'jwt-secret';

/**
 * The JWT secret of demo mode when `JWT_SECRET` is not set: 48 random bytes, generated once
 * per data folder and kept there (file mode 0600), so tokens survive restarts but nobody can
 * compute the secret from where the data lives. `memory://` storage gets a new one per process.
 */
export function demoJwtSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(48).toString('base64url');
  const file = path.join(path.resolve(dataDir), DEMO_SECRET_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: of two processes starting together, one creates the file and the other reads it.
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to have a new one generated`);
  return secret;
}

/**
 * Estimated entropy of a secret in bits: the Shannon entropy of its character frequencies
 * times its length, where a secret that repeats a shorter unit (`abcabcabc…`) counts as
 * that unit. A rough rule that refuses repetition and small alphabets (`xxxx…`,
 * `passwordpassword…`); it cannot tell a random string from a clever pattern.
 */
export function estimatedEntropyBits(secret: string): number {
  const chars = [...secret];
  let period = 1;
  while (period < chars.length && chars.some((c, i) => i >= period && c !== chars[i - period])) period++;
  const unit = chars.slice(0, period);
  const counts = new Map<string, number>();
  for (const ch of unit) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / period) * Math.log2(c / period);
  return Math.round(perChar * period);
}
