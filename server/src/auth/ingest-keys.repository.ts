import type { Queryable } from '../store/db.js';

/** An ingest key as listed to operators; the hash never leaves the repository. */
export interface IngestKeyInfo {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** End of the last minute the key was used in, as the ingest-use summary last wrote it. */
  lastUsedAt: string | null;
}

/** The `ingest_keys` table; keys are only ever handled as SHA-256 hashes here. */
export interface IngestKeysRepository {
  /** The key with this hash, if it exists and is not revoked. */
  findActive(keyHash: string): Promise<{ id: string; name: string } | null>;
  insert(key: { id: string; name: string; keyHash: string }): Promise<void>;
  /**
   * Inserts or updates a key with a fixed id (configured and demo keys). A changed hash
   * re-activates the row; an unchanged one keeps a revocation made by an operator. A row
   * under another id holding the same hash (a key moved to a new name) is dropped first.
   */
  upsert(key: { id: string; name: string; keyHash: string }): Promise<void>;
  /** Sets `revoked_at`; false when there is no such active key. */
  revoke(id: string): Promise<boolean>;
  /** Deletes the keys whose id starts with `prefix`, except the ids given. */
  removeByPrefixExcept(prefix: string, keepIds: string[]): Promise<number>;
  /** Deletes by id or by hash; the number of rows removed. */
  remove(by: { id?: string; keyHash?: string }): Promise<number>;
  list(): Promise<IngestKeyInfo[]>;
  /** Id and name of the keys with these hashes, revoked or not. */
  findByHashes(keyHashes: string[]): Promise<Map<string, { id: string; name: string }>>;
  /** Moves `last_used_at` forward (never back). */
  touch(id: string, at: string): Promise<void>;
  /** The latest use of any key. */
  lastUse(): Promise<string | null>;
}

/** Builds the repository over any {@link Queryable}. */
export function createIngestKeysRepository(db: Queryable): IngestKeysRepository {
  return {
    async findActive(keyHash) {
      const { rows } = await db.query<{ id: string; name: string }>('select id, name from ingest_keys where key_hash = $1 and revoked_at is null', [keyHash]);
      return rows[0] ?? null;
    },
    async insert(k) {
      await db.query('insert into ingest_keys (id, name, key_hash) values ($1, $2, $3)', [k.id, k.name, k.keyHash]);
    },
    async upsert(k) {
      await db.query('delete from ingest_keys where key_hash = $1 and id <> $2', [k.keyHash, k.id]);
      await db.query(
        `insert into ingest_keys (id, name, key_hash) values ($1, $2, $3)
         on conflict (id) do update set name = excluded.name, key_hash = excluded.key_hash,
           revoked_at = case when ingest_keys.key_hash = excluded.key_hash then ingest_keys.revoked_at end`,
        [k.id, k.name, k.keyHash],
      );
    },
    async revoke(id) {
      const { rows } = await db.query('update ingest_keys set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
      return rows.length === 1;
    },
    async removeByPrefixExcept(prefix, keepIds) {
      const { rows } = await db.query('delete from ingest_keys where starts_with(id, $1) and not (id = any($2::text[])) returning id', [prefix, keepIds]);
      return rows.length;
    },
    async remove(by) {
      const { rows } = await db.query('delete from ingest_keys where id = $1 or key_hash = $2 returning id', [by.id ?? null, by.keyHash ?? null]);
      return rows.length;
    },
    async list() {
      const { rows } = await db.query<{ id: string; name: string; created_at: Date | string; revoked_at: Date | string | null; last_used_at: Date | string | null }>(
        'select id, name, created_at, revoked_at, last_used_at from ingest_keys order by created_at, id',
      );
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at), revokedAt: isoOrNull(r.revoked_at), lastUsedAt: isoOrNull(r.last_used_at) }));
    },
    async findByHashes(keyHashes) {
      const { rows } = await db.query<{ id: string; name: string; key_hash: string }>('select id, name, key_hash from ingest_keys where key_hash = any($1::text[])', [keyHashes]);
      return new Map(rows.map((r) => [r.key_hash, { id: r.id, name: r.name }]));
    },
    async touch(id, at) {
      await db.query('update ingest_keys set last_used_at = greatest(last_used_at, $2::timestamptz) where id = $1', [id, at]);
    },
    async lastUse() {
      const { rows } = await db.query<{ at: Date | string | null }>('select max(last_used_at) as at from ingest_keys');
      return isoOrNull(rows[0]?.at ?? null);
    },
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);
