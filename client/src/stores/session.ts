import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role } from '../../../shared/auth/policy.js';
import { ApiError, type RefusalBody } from '../services/api.js';

/** The signed-in user as the login answer describes it. */
export interface SessionUser {
  username: string;
  role: Role;
  districts: string[] | null;
}

const KEY = 'cockpit.session';

function restore(): { token: string; user: SessionUser } | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as { token: string; user: SessionUser }) : null;
  } catch {
    return null;
  }
}

/**
 * The session: token and user, kept in localStorage so a video wall that reboots its
 * browser comes back signed in.
 */
export const useSessionStore = defineStore('session', () => {
  const saved = restore();
  const token = ref<string | null>(saved?.token ?? null);
  const user = ref<SessionUser | null>(saved?.user ?? null);

  function keep(body: { token: string; user: SessionUser }): void {
    token.value = body.token;
    user.value = body.user;
    localStorage.setItem(KEY, JSON.stringify(body));
  }

  async function signIn(username: string, password: string): Promise<void> {
    const res = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await res.json().catch(() => null)) as (RefusalBody & { token: string; user: SessionUser }) | null;
    if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? res.statusText);
    keep(body!);
  }

  /**
   * Trades the current token for a fresh one (a screen runs unattended for days). A refused
   * token ends the session; a network failure throws and leaves the session as it was.
   */
  async function refresh(): Promise<void> {
    if (!token.value) return;
    const res = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { authorization: `Bearer ${token.value}` } });
    if (res.status === 401) return signOut();
    if (!res.ok) throw new Error(`token refresh failed: ${res.status}`);
    keep((await res.json()) as { token: string; user: SessionUser });
  }

  function signOut(): void {
    token.value = null;
    user.value = null;
    localStorage.removeItem(KEY);
  }

  return { token, user, signedIn: computed(() => token.value !== null), signIn, refresh, signOut };
});
