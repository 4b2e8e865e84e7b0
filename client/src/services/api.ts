import { useSessionStore } from '../stores/session.js';

/** An HTTP error with the server's JSON error body (`{error: {code, message}}`); `body` is that body whole (a 409 carries the current case). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** A response body as far as reading a refusal needs it: the contract's `{ error: { code, message } }`, when there. */
export type RefusalBody = { error?: { code?: string; message?: string } } | null;

/**
 * GET/POST against the cockpit's own API with the session token. A 401 ends the session so
 * the router sends the user back to the login page.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const session = useSessionStore();
  const headers = new Headers(init.headers);
  if (session.token) headers.set('authorization', `Bearer ${session.token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(path, { ...init, headers });
  const body: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) {
    if (res.status === 401) session.signOut();
    const refusal = body as RefusalBody;
    throw new ApiError(res.status, refusal?.error?.code ?? 'http_error', refusal?.error?.message ?? res.statusText, body);
  }
  return body as T;
}
