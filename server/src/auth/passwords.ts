import { hash, verify, type Algorithm } from '@node-rs/argon2';

// The package's `Algorithm` is an ambient const enum, which isolatedModules cannot read;
// 2 is its Argon2id member. Stated explicitly so a change of library default can't weaken it.
const ARGON2ID = 2 as Algorithm;

/** OWASP's minimum argon2id profile (19 MiB, 2 passes): ~20–50 ms per hash on a server core. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id; the PHC string carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends about the time of a real verification, for logins of unknown users, so the
 * response time does not reveal which usernames exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('city-cockpit unknown user');
  await verifyPassword(await dummy, password);
}
