import { jsonRequest, type IngestRequest } from './requests.js';
import type { SimLog } from './log.js';

/** How a request ended. */
export type SendResult = { outcome: 'ok'; accepted: number } | { outcome: 'refused' | 'dropped'; accepted: number; status?: number };

export interface HttpSinkOptions {
  url: string;
  key: string;
  log: SimLog;
  /** True once the simulator is stopping: retries give up instead of waiting. */
  stopping: () => boolean;
  fetchImpl?: typeof fetch;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Attempts for a 5xx before the request is dropped (connection failures and 429 retry until stopped). */
  max5xxAttempts?: number;
  /** First backoff step; doubles per attempt up to 10 s. Default 250 ms. */
  retryBaseMs?: number;
  onRetry?: () => void;
}

const BODY_LOG_LIMIT = 2000;

/** Item indexes named by `issues[].path` (`3.status`, `observations.3.values`), when every issue names one. */
export function refusedItems(body: unknown): number[] | null {
  const issues = (body as { error?: { issues?: Array<{ path?: unknown }> } } | null)?.error?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const indexes = issues.map((i) => /^(?:observations\.)?(\d+)(\.|$)/.exec(String(i.path ?? ''))?.[1]);
  if (indexes.some((i) => i === undefined)) return null;
  return [...new Set(indexes.map(Number))];
}

function backoff(baseMs: number, attempt: number, retryAfter: string | null): number {
  const seconds = retryAfter !== null ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(60_000, seconds * 1000);
  return Math.min(10_000, baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

/**
 * Posts ingest requests like a well-behaved integration: retries with exponential backoff
 * while the server is not up yet or answers 5xx/429, never gives up on a 4xx silently (it
 * logs the error body), and when a batch is refused because of some items (409 conflict,
 * 422 validation, with item paths in `issues`) resends the batch without them.
 */
export function createHttpSink(opts: HttpSinkOptions): { send(req: IngestRequest): Promise<SendResult> } {
  const doFetch = opts.fetchImpl ?? fetch;
  const base = opts.url.replace(/\/+$/, '');
  const max5xx = opts.max5xxAttempts ?? 8;
  const baseMs = opts.retryBaseMs ?? 250;
  let downSince: number | null = null;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const end = Date.now() + ms;
      const poll = (): void => {
        if (opts.stopping() || Date.now() >= end) resolve();
        else setTimeout(poll, Math.min(100, end - Date.now()));
      };
      poll();
    });

  async function attempt(req: IngestRequest): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': req.contentType, accept: 'application/json' };
    if (req.auth === 'bearer') headers.authorization = `Bearer ${opts.key}`;
    return doFetch(`${base}${req.path}`, { method: 'POST', headers, body: req.body, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
  }

  async function send(req: IngestRequest, round = 0): Promise<SendResult> {
    for (let n = 0, fails5xx = 0; ; n++) {
      if (n > 0 && opts.stopping()) return { outcome: 'dropped', accepted: 0 };
      let res: Response;
      try {
        res = await attempt(req);
      } catch (err) {
        if (downSince === null) {
          downSince = Date.now();
          opts.log.warn({ url: base, err: (err as Error).cause ?? (err as Error).message }, 'simulator: server not reachable, retrying');
        }
        opts.onRetry?.();
        await sleep(backoff(baseMs, Math.min(n, 6), null));
        continue;
      }
      if (downSince !== null) {
        opts.log.info({ url: base, afterMs: Date.now() - downSince }, 'simulator: server reachable');
        downSince = null;
      }
      const text = await res.text();
      if (res.ok) return { outcome: 'ok', accepted: req.count };
      const retryable = res.status === 429 || res.status >= 500 || (res.status === 409 && text.includes('concurrent_insert'));
      if (retryable) {
        if (res.status >= 500 && ++fails5xx >= max5xx) {
          opts.log.error({ path: req.path, status: res.status, body: text.slice(0, BODY_LOG_LIMIT) }, 'simulator: server error, request dropped');
          return { outcome: 'dropped', accepted: 0, status: res.status };
        }
        opts.onRetry?.();
        await sleep(backoff(baseMs, Math.min(n, 6), res.headers.get('retry-after')));
        continue;
      }
      opts.log.warn({ path: req.path, status: res.status, body: text.slice(0, BODY_LOG_LIMIT) }, 'simulator: request refused');
      return resendWithout(req, text, res.status, round);
    }
  }

  async function resendWithout(req: IngestRequest, text: string, status: number, round: number): Promise<SendResult> {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: nothing to salvage
    }
    const bad = refusedItems(parsed);
    const items = req.items;
    if (!bad || !items || round >= 3 || (req.channel !== 'grid' && req.channel !== 'observation' && req.channel !== 'indicators')) {
      return { outcome: 'refused', accepted: 0, status };
    }
    const rest = items.filter((_, i) => !bad.includes(i));
    if (rest.length === 0 || rest.length === items.length) return { outcome: 'refused', accepted: 0, status };
    const retry = await send(jsonRequest(req.channel, rest), round + 1);
    return retry.outcome === 'ok' ? { outcome: 'refused', accepted: retry.accepted, status } : retry;
  }

  return { send: (req) => send(req) };
}
