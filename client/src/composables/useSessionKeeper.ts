import { onUnmounted, watch } from 'vue';
import { useRouter } from 'vue-router';
import { loginRoute } from '../router.js';
import { liveSocket } from '../services/socket.js';
import { useSessionStore } from '../stores/session.js';

/** How long to wait before trying again when a refresh fails for want of a network. */
export const REFRESH_RETRY_MS = 60_000;
/** setTimeout's ceiling; a longer delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The `iat` and `exp` claims (seconds) of a JWT, read without verifying it; null when unreadable. */
export function tokenTimes(token: string): { iat: number | null; exp: number } | null {
  try {
    const part = token.split('.')[1] ?? '';
    const b64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const claims = JSON.parse(atob(b64)) as { iat?: unknown; exp?: unknown };
    if (typeof claims.exp !== 'number') return null;
    return { iat: typeof claims.iat === 'number' ? claims.iat : null, exp: claims.exp };
  } catch {
    return null;
  }
}

/**
 * Milliseconds from `now` until the token should be refreshed: at half its lifetime, so a
 * screen that loses the server for a while still has the other half to try again. Null for
 * a token without a readable expiry (nothing to schedule); 0 when half-life has passed.
 */
export function refreshDelayMs(token: string, now: number): number | null {
  const t = tokenTimes(token);
  if (!t) return null;
  const iat = t.iat ?? now / 1000;
  const due = (iat + (t.exp - iat) / 2) * 1000;
  return Math.min(MAX_TIMER_MS, Math.max(0, due - now));
}

/**
 * Keeps a signed-in app connected for days: opens the live socket with the session's token,
 * refreshes the token at half its lifetime and hands the new one to the socket, and sends
 * the user to the login page when the session ends (refused refresh, 401, sign-out).
 */
export function useSessionKeeper(): void {
  const session = useSessionStore();
  const router = useRouter();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      session.refresh().catch(() => schedule(REFRESH_RETRY_MS));
    }, delay);
  };

  const stop = watch(
    () => session.token,
    (token) => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!token) {
        liveSocket.disconnect();
        const current = router.currentRoute.value;
        if (!current.meta.public && current.matched.length) void router.replace(loginRoute(current.fullPath));
        return;
      }
      liveSocket.connect(token);
      const delay = refreshDelayMs(token, Date.now());
      if (delay !== null) schedule(delay);
    },
    { immediate: true },
  );

  onUnmounted(() => {
    stop();
    if (timer) clearTimeout(timer);
  });
}
