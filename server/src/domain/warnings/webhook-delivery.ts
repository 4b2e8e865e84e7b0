import { createHmac } from 'node:crypto';
import type { ClaimedDelivery } from './outbox.repository.js';

/** Headers of every webhook delivery (docs/API.md → Webhook deliveries). */
export const SIGNATURE_HEADER = 'X-Cockpit-Signature';
export const DELIVERY_HEADER = 'X-Cockpit-Delivery';
export const MESSAGE_HEADER = 'X-Cockpit-Message';

/** `sha256=<hex HMAC-SHA256 of the body with the receiver's secret>`. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Retry policy: exponential from `baseMs`, capped at `maxMs`, with equal jitter (half fixed, half random). */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** How long to wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelay(attempts: number, b: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(b.maxMs, b.baseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** What one attempt came to: a status (any HTTP answer) or an error (no answer: refused, timed out). */
export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Posts one delivery: the CAP XML, signed, within `timeoutMs` (redirects are not followed:
 * a receiver answers where it is configured). Never throws.
 */
export async function postDelivery(d: ClaimedDelivery, timeoutMs: number): Promise<AttemptResult> {
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      body: d.xml,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/cap+xml; charset=utf-8',
        'user-agent': 'city-cockpit-webhooks/1',
        [SIGNATURE_HEADER]: signature(d.xml, d.secret),
        [DELIVERY_HEADER]: d.id,
        [MESSAGE_HEADER]: d.messageRef,
      },
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const error = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { ok: false, status: null, error };
  }
}
