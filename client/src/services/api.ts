import { useSessionStore } from '../stores/session.js';

/** One refused field of a request (422 `issues`), `path` naming the field as the server wrote it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * An HTTP error with the server's JSON error body (`{error: {code, message, issues?}}`); `body`
 * is that body whole (a 409 `conflict` carries the current case beside the error).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The fields a 422 names, so a form can show each message next to its field. */
    readonly issues: readonly FieldIssue[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** A response body as far as reading a refusal needs it: the contract's `{ error: { code, message, issues } }`, when there. */
export type RefusalBody = { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | null;

/** A response's JSON body, or null when it is not JSON. */
async function jsonOf(res: Response): Promise<unknown> {
  return res.headers.get('content-type')?.includes('json') ? res.json() : null;
}

/**
 * Sends a request to the cockpit's own API with the session token; a refusal throws
 * {@link ApiError}, and a 401 ends the session so the router sends the user back to the
 * login page.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  const session = useSessionStore();
  const headers = new Headers(init.headers);
  if (session.token) headers.set('authorization', `Bearer ${session.token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) {
    if (res.status === 401) session.signOut();
    const refusal = (await jsonOf(res)) as RefusalBody;
    throw new ApiError(res.status, refusal?.error?.code ?? 'http_error', refusal?.error?.message ?? res.statusText, refusal?.error?.issues ?? [], refusal);
  }
  return res;
}

/** GET/POST against the cockpit's own API; the JSON answer (null when the answer is not JSON). */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await jsonOf(await send(path, init))) as T;
}

/** GET against the cockpit's own API for a text document (CAP XML, CSV). */
export async function apiText(path: string, init: RequestInit = {}): Promise<string> {
  return (await send(path, init)).text();
}

/**
 * A file from the API to save (the audit CSV export): a plain link cannot carry the bearer
 * token, so the page fetches it and hands the browser a Blob.
 */
export async function apiBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  return (await send(path, init)).blob();
}
