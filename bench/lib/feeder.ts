import { nowMs } from './clock.js';
import { postIngest } from './http.js';
import { gridEventFactory } from './payloads.js';

/** One ingest request the feeder sent. */
interface Sent {
  sentAt: number;
  count: number;
  status: number | null;
  /** Until the 202 (or error) arrived. */
  ms: number;
}

/** What the feeder did between two times. */
export interface FeedSummary {
  batches: number;
  events: number;
  accepted: number;
  rejected: number;
  /** Ticks skipped because too many requests were still in flight (the server fell behind). */
  skippedTicks: number;
  /** Ingest request round trip (send → 202), ms. */
  requestMs: { p50: number | null; p99: number | null };
}

/**
 * An open-loop feed of grid events at a steady rate: every `tickMs` one request with
 * `rate × tickMs / 1000` events, each stamped with its send time in its sourceId, whether or
 * not earlier requests have been answered (up to `maxInFlight`).
 */
export function startFeeder(opts: { url: string; rate: number; tickMs: number; prefix: string; maxInFlight?: number }) {
  const perTick = Math.max(1, Math.round((opts.rate * opts.tickMs) / 1000));
  const make = gridEventFactory(opts.prefix, 7);
  const maxInFlight = opts.maxInFlight ?? 20;
  const log: Sent[] = [];
  const inFlight = new Set<Promise<void>>();
  const skipped: number[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const t0 = nowMs();
  let tick = 0;

  const fire = () => {
    if (stopped) return;
    const at = nowMs();
    if (inFlight.size >= maxInFlight) skipped.push(at);
    else {
      const entry: Sent = { sentAt: at, count: perTick, status: null, ms: NaN };
      log.push(entry);
      const body = JSON.stringify(make(perTick, at));
      const p = postIngest(opts.url, 'grid-events', body)
        .then(
          (status) => void (entry.status = status),
          () => void (entry.status = 0),
        )
        .finally(() => void (entry.ms = nowMs() - at))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    // Scheduled on absolute times so the rate does not drift with timer lateness.
    tick++;
    timer = setTimeout(fire, Math.max(0, t0 + tick * opts.tickMs - nowMs()));
  };
  fire();

  return {
    perTick,
    /** Stops sending and waits for the requests still in flight. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
    /** Requests whose send time is in [start, end). */
    summary(start: number, end: number): FeedSummary {
      const sent = log.filter((s) => s.sentAt >= start && s.sentAt < end);
      const accepted = sent.filter((s) => s.status === 202).reduce((n, s) => n + s.count, 0);
      const events = sent.reduce((n, s) => n + s.count, 0);
      const ms = sent
        .map((s) => s.ms)
        .filter((m) => !Number.isNaN(m))
        .sort((x, y) => x - y);
      const q = (p: number) => (ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]! * 10) / 10 : null);
      return {
        batches: sent.length,
        events,
        accepted,
        rejected: events - accepted,
        skippedTicks: skipped.filter((t) => t >= start && t < end).length,
        requestMs: { p50: q(0.5), p99: q(0.99) },
      };
    },
  };
}
