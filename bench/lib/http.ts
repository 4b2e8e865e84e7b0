/** The demo ingest key every demo-mode server accepts. */
export const INGEST_KEY = 'demo-ingest-key';

/** Logs in a demo account (`leader` unless told) and returns its bearer token. */
export async function login(url: string, username = 'leader'): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** POSTs an already-serialized JSON body to an ingest endpoint; resolves with the status. */
export async function postIngest(url: string, path: string, body: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/ingest/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': 'application/json' },
    body,
  });
  const text = await res.text(); // drain, so the keep-alive connection is reused
  if (res.status !== 202 && !postIngest.warned) {
    postIngest.warned = true;
    console.error(`ingest ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  return res.status;
}
postIngest.warned = false;
