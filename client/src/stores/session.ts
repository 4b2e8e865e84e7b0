import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** The signed-in user as the login answer describes it. */
export interface SessionUser {
  username: string;
  role: 'leader' | 'duty' | 'grid' | 'admin';
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

  async function signIn(username: string, password: string): Promise<void> {
    const res = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body?.error?.message ?? res.statusText);
    token.value = body.token;
    user.value = body.user as SessionUser;
    localStorage.setItem(KEY, JSON.stringify({ token: token.value, user: user.value }));
  }

  function signOut(): void {
    token.value = null;
    user.value = null;
    localStorage.removeItem(KEY);
  }

  return { token, user, signedIn: computed(() => token.value !== null), signIn, signOut };
});
