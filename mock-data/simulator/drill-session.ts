import type { SimLog } from './log.js';

/** The server's drill sessions (docs/API.md → Drill sessions). */
export const DRILLS_PATH = '/api/v1/drills';

export interface DrillSessionOptions {
  url: string;
  key: string;
  log: SimLog;
  fetchImpl?: typeof fetch;
  /** First retry backoff step (doubles per attempt). Default 250 ms. */
  retryBaseMs?: number;
  /** Attempts per call while the server is unreachable or answers 5xx/429. Default 6. */
  attempts?: number;
}

/**
 * The drill session a drill run opens on the server before it sends anything and closes when
 * it ends (played out, `--duration`, Ctrl-C), so every screen shows the drill badge for
 * exactly that long. A server that does not answer (or knows no sessions) is logged and does
 * not stop the drill: the server then ends the session by its own rule.
 */
export function createDrillSession(opts: DrillSessionOptions) {
  const doFetch = opts.fetchImpl ?? fetch;
  const base = opts.url.replace(/\/+$/, '');
  const baseMs = opts.retryBaseMs ?? 250;
  let id: string | null = null;

  async function post(path: string, body: object): Promise<Record<string, unknown> | null> {
    const attempts = opts.attempts ?? 6;
    for (let n = 0; n < attempts; n++) {
      if (n > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(5000, baseMs * 2 ** (n - 1))));
      try {
        const res = await doFetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${opts.key}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.ok) return parseObject(text);
        if (res.status !== 429 && res.status < 500) {
          opts.log.warn({ path, status: res.status, body: text.slice(0, 500) }, 'simulator: drill session refused');
          return null;
        }
      } catch (err) {
        if (n === attempts - 1) opts.log.warn({ path, err: (err as Error).message }, 'simulator: drill session call failed');
      }
    }
    return null;
  }

  return {
    /** The open session's id, or null. */
    id: (): string | null => id,
    /** Opens the session; resolves once the server answered (or gave up). */
    async start(name: string, scenario: string): Promise<void> {
      const session = await post(DRILLS_PATH, { name, scenario });
      id = typeof session?.id === 'string' ? session.id : null;
      if (id) opts.log.info({ drill: id }, 'simulator: drill session started');
    },
    /** Ends the session opened by {@link start}; does nothing when none is open. */
    async end(): Promise<void> {
      const open = id;
      if (!open) return;
      id = null;
      if (await post(`${DRILLS_PATH}/${encodeURIComponent(open)}/end`, {})) opts.log.info({ drill: open }, 'simulator: drill session ended');
    },
  };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export type DrillSession = ReturnType<typeof createDrillSession>;
