import type { Channel } from './messages.js';
import type { SimEngine } from './engine.js';
import { toLocalIso } from './time.js';

/** What a running simulator reports about itself. */
export interface SimulatorStats {
  scenario: string;
  seed: number;
  speed: number;
  running: boolean;
  /** Simulated instant produced so far (ISO, +08:00). */
  simTime: string;
  /** Items the server accepted, by channel. */
  sent: Record<Channel, number>;
  /** Items generated, by channel (sent or not). */
  generated: Record<Channel, number>;
  requests: number;
  retries: number;
  /** Requests refused with a 4xx (logged with the error body). */
  refused: number;
  /** Items given up on (5xx after retries, or stopped before sending). */
  dropped: number;
  /** Planned messages not yet due (later steps of open cases, pending warning changes). */
  pending: number;
}

const zero = (): Record<Channel, number> => ({ grid: 0, open311: 0, observation: 0, indicators: 0, alert: 0 });

/** Mutable counters behind `stats()`. */
export function createStats(opts: { scenario: string; seed: number; speed: number }, engine: () => SimEngine) {
  const sent = zero();
  const generated = zero();
  const stats = {
    running: true,
    requests: 0,
    retries: 0,
    refused: 0,
    dropped: 0,
    count(channel: Channel, accepted: number, total: number): void {
      sent[channel] += accepted;
      generated[channel] += total;
    },
    snapshot(): SimulatorStats {
      const e = engine();
      return {
        scenario: opts.scenario,
        seed: opts.seed,
        speed: opts.speed,
        running: stats.running,
        simTime: toLocalIso(e.now),
        sent: { ...sent },
        generated: { ...generated },
        requests: stats.requests,
        retries: stats.retries,
        refused: stats.refused,
        dropped: stats.dropped,
        pending: e.pending,
      };
    },
  };
  return stats;
}
