import type { IngestKeysRepository } from './ingest-keys.repository.js';
import { hashIngestKey } from './secrets.js';

/** Checks ingest keys, remembering recent successes because ingest is the hot path. */
export interface IngestKeyVerifier {
  verify(key: string): Promise<boolean>;
  /** Forgets every cached success (after a revocation in this process). */
  clear(): void;
}

/**
 * Only successes are cached: a new key works at once, and a key revoked by another process
 * (the admin CLI, another node) stops working within `ttlMs`.
 */
export function createIngestKeyVerifier(
  repo: Pick<IngestKeysRepository, 'findActive'>,
  opts: { ttlMs?: number; maxEntries?: number; refusedHashes?: string[]; now?: () => number } = {},
): IngestKeyVerifier {
  const ttlMs = opts.ttlMs ?? 30_000;
  const maxEntries = opts.maxEntries ?? 1000;
  const refused = new Set(opts.refusedHashes ?? []);
  const now = opts.now ?? Date.now;
  const verified = new Map<string, number>();
  return {
    async verify(key) {
      if (!key || key.length > 512) return false;
      const keyHash = hashIngestKey(key);
      if (refused.has(keyHash)) return false;
      const until = verified.get(keyHash);
      if (until !== undefined && until > now()) return true;
      verified.delete(keyHash);
      const found = await repo.findActive(keyHash);
      if (!found) return false;
      // Bounded: a flood of distinct valid keys cannot grow memory; refilling is one query.
      if (verified.size >= maxEntries) verified.clear();
      verified.set(keyHash, now() + ttlMs);
      return true;
    },
    clear: () => verified.clear(),
  };
}
