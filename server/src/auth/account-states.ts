import type { Queryable } from '../store/db.js';
import type { Role } from './types.js';

/** What a token's holder is now: its role, districts and whether it is disabled. */
export interface AccountState {
  role: Role;
  districts: string[] | null;
  disabled: boolean;
}

/** Current account states by username, for checking every token cheaply. */
export interface AccountStates {
  /** The account's state, null when it no longer exists. */
  get(username: string): Promise<AccountState | null>;
  /** Forgets the cache (after a change made in this process). */
  invalidate(): void;
}

/**
 * The whole `users` table (small: people, not data) read at most once per `ttlMs`, so a
 * token check is a map lookup. A change made in this process is seen at once (the admin
 * service invalidates); one made by another node or the CLI within `ttlMs`.
 */
export function createAccountStates(db: Queryable, opts: { ttlMs?: number; now?: () => number } = {}): AccountStates {
  const ttlMs = opts.ttlMs ?? 5000;
  const now = opts.now ?? Date.now;
  let states: Map<string, AccountState> | null = null;
  let loadedAt = 0;
  let loading: Promise<Map<string, AccountState>> | null = null;
  const load = async () => {
    const { rows } = await db.query<{ username: string } & AccountState>('select username, role, districts, disabled from users');
    return new Map(rows.map((r) => [r.username, { role: r.role, districts: r.districts, disabled: r.disabled }]));
  };
  const fresh = async (): Promise<Map<string, AccountState>> => {
    if (states && now() - loadedAt < ttlMs) return states;
    // Concurrent checks share one read; an invalidation during it starts a new one next time.
    loading ??= load().finally(() => (loading = null));
    const started = now();
    const read = await loading;
    states = read;
    loadedAt = started;
    return read;
  };
  return {
    get: async (username) => (await fresh()).get(username) ?? null,
    invalidate() {
      states = null;
    },
  };
}
