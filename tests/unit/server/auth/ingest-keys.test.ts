import { describe, expect, it } from 'vitest';
import { createAccounts } from '../../../../server/src/auth/accounts.js';
import { createIngestKeyVerifier } from '../../../../server/src/auth/ingest-key-verifier.js';
import { createIngestKeysRepository } from '../../../../server/src/auth/ingest-keys.repository.js';
import { hashIngestKey } from '../../../../server/src/auth/secrets.js';
import { useAuthDb } from '../../../helpers/auth-db.js';

const getDb = useAuthDb();

describe('ingest keys', () => {
  it('returns a new key once and stores only its SHA-256 hash', async () => {
    const created = await createAccounts(getDb()).createIngestKey('sensors');
    expect(created.key.length).toBeGreaterThanOrEqual(40);
    const { rows } = await getDb().query('select * from ingest_keys');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(created.key);
    expect(rows[0]).toMatchObject({ id: created.id, name: 'sensors', key_hash: hashIngestKey(created.key), revoked_at: null });
  });

  it('verifies a created key and refuses unknown ones', async () => {
    const { key } = await createAccounts(getDb()).createIngestKey('sensors');
    const v = createIngestKeyVerifier(createIngestKeysRepository(getDb()));
    expect(await v.verify(key)).toBe(true);
    expect(await v.verify(key + 'x')).toBe(false);
    expect(await v.verify('')).toBe(false);
  });

  it('refuses a revoked key once the cache is cleared or expired', async () => {
    const accounts = createAccounts(getDb());
    const { id, key } = await accounts.createIngestKey('sensors');
    let t = 0;
    const v = createIngestKeyVerifier(createIngestKeysRepository(getDb()), { ttlMs: 1000, now: () => t });
    expect(await v.verify(key)).toBe(true);
    expect(await accounts.revokeIngestKey(id)).toBe(true);
    t = 1000;
    expect(await v.verify(key)).toBe(false);
    expect(await accounts.revokeIngestKey(id)).toBe(false);
    expect((await accounts.listIngestKeys())[0]?.revokedAt).not.toBeNull();
  });

  it('answers from the cache within the TTL, without a database lookup', async () => {
    const { key } = await createAccounts(getDb()).createIngestKey('sensors');
    const repo = createIngestKeysRepository(getDb());
    let lookups = 0;
    const v = createIngestKeyVerifier({ findActive: (h) => (lookups++, repo.findActive(h)) });
    await v.verify(key);
    await v.verify(key);
    expect(lookups).toBe(1);
    v.clear();
    await v.verify(key);
    expect(lookups).toBe(2);
  });

  it('never accepts a refused hash, even when the row exists', async () => {
    const repo = createIngestKeysRepository(getDb());
    await repo.insert({ id: 'x', name: 'x', keyHash: hashIngestKey('demo-ingest-key') });
    const v = createIngestKeyVerifier(repo, { refusedHashes: [hashIngestKey('demo-ingest-key')] });
    expect(await v.verify('demo-ingest-key')).toBe(false);
  });

  it('moves a key to a new id without violating the unique hash', async () => {
    const repo = createIngestKeysRepository(getDb());
    await repo.upsert({ id: 'env:a', name: 'a', keyHash: 'h1' });
    await repo.upsert({ id: 'env:b', name: 'b', keyHash: 'h1' });
    expect((await repo.list()).map((k) => k.id)).toEqual(['env:b']);
  });
});
