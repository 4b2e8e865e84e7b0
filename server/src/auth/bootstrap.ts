import { ConfigError, type Config } from '../config.js';
import type { Db, Queryable } from '../store/db.js';
import { createIngestKeysRepository } from './ingest-keys.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { DEMO_INGEST_KEY, hashIngestKey } from './secrets.js';
import type { AuthUser } from './types.js';
import { createUsersRepository } from './users.repository.js';

/** Password of every demo account (CONTRACT.md). */
export const DEMO_PASSWORD = 'demo';
/** Row id of the demo ingest key. */
export const DEMO_KEY_ID = 'demo';
/** Row-id prefix of keys that come from `INGEST_KEYS`. */
export const ENV_KEY_PREFIX = 'env:';

/** The demo accounts; `grid` is scoped to the default city's grid district. */
export function demoUsers(defaultGridDistrict: string): AuthUser[] {
  return [
    { username: 'leader', role: 'leader', districts: null },
    { username: 'duty', role: 'duty', districts: null },
    // A second duty officer, so a shift can be handed over to another person (交接班).
    { username: 'duty2', role: 'duty', districts: null },
    { username: 'grid', role: 'grid', districts: [defaultGridDistrict] },
    { username: 'admin', role: 'admin', districts: null },
  ];
}

/** Demo mode: (re)sets the demo accounts and key, so `demo`/`demo-ingest-key` always work. */
export async function bootstrapDemo(db: Db, config: Config, defaultGridDistrict: string): Promise<void> {
  // Hash outside the transaction: PGlite runs one statement stream, argon2 needs no lock.
  const accounts = await Promise.all(demoUsers(defaultGridDistrict).map(async (u) => ({ ...u, passwordHash: await hashPassword(DEMO_PASSWORD) })));
  await db.transaction(async (tx) => {
    const users = createUsersRepository(tx);
    for (const a of accounts) await users.upsert(a);
    const keys = createIngestKeysRepository(tx);
    await keys.upsert({ id: DEMO_KEY_ID, name: 'demo', keyHash: hashIngestKey(DEMO_INGEST_KEY) });
    await seedConfiguredKeys(tx, config);
  });
}

/**
 * Production: removes what a previous demo run left (demo accounts still on the demo
 * password, the demo key), seeds `INGEST_KEYS`, and creates `admin` from `ADMIN_PASSWORD`
 * when no admin account exists. Throws ConfigError when that password is needed but unset.
 */
export async function bootstrapProduction(db: Db, config: Config): Promise<void> {
  const users = createUsersRepository(db);
  const leftovers: string[] = [];
  for (const u of demoUsers('000000')) {
    const found = await users.find(u.username);
    // An account that merely shares a demo name but has a real password is the operator's.
    if (found && (await verifyPassword(found.passwordHash, DEMO_PASSWORD))) leftovers.push(u.username);
  }
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and not (username = any($1::text[]))", [leftovers]);
  const needsAdmin = (rows[0]?.n ?? 0) === 0;
  if (needsAdmin && !config.adminPassword) {
    throw new ConfigError([`ADMIN_PASSWORD: required in production while no admin account exists (at least 12 characters)`]);
  }
  const adminHash = needsAdmin && config.adminPassword ? await hashPassword(config.adminPassword) : null;
  await db.transaction(async (tx) => {
    const txUsers = createUsersRepository(tx);
    for (const name of leftovers) await txUsers.remove(name);
    await createIngestKeysRepository(tx).remove({ id: DEMO_KEY_ID, keyHash: hashIngestKey(DEMO_INGEST_KEY) });
    await seedConfiguredKeys(tx, config);
    // Another node may have created it meanwhile; ADMIN_PASSWORD never overwrites a live admin.
    if (adminHash && (await txUsers.countByRole('admin')) === 0) {
      await txUsers.upsert({ username: 'admin', role: 'admin', districts: null, passwordHash: adminHash });
    }
  });
}

/** Upserts `INGEST_KEYS` as `env:<name>` rows and deletes env keys no longer configured. */
async function seedConfiguredKeys(tx: Queryable, config: Config): Promise<void> {
  const keys = createIngestKeysRepository(tx);
  const ids = config.ingestKeys.map((k) => ENV_KEY_PREFIX + k.name);
  await keys.removeByPrefixExcept(ENV_KEY_PREFIX, ids);
  for (const k of config.ingestKeys) await keys.upsert({ id: ENV_KEY_PREFIX + k.name, name: k.name, keyHash: k.keyHash });
}
