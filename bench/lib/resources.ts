import { nowMs } from './clock.js';

/** What a process used over a window of the shared clock. */
export interface ResourceUse {
  /** Mean and peak resident set size, MiB, sampled every 100 ms. */
  rssMeanMiB: number;
  rssPeakMiB: number;
  /** Mean V8 heap in use and `external` memory of the main thread, MiB (a worker thread's are in RSS only). */
  heapUsedMiB: number;
  externalMiB: number;
  /** CPU time (user + system) over wall time, in % of one core. */
  cpuPct: number;
  /** Wall time the samples span. */
  seconds: number;
}

interface Sample {
  at: number;
  rss: number;
  heapUsed: number;
  external: number;
  /** User + system CPU time so far, µs. */
  cpu: number;
}

const MIB = 1024 * 1024;
/** 10 minutes of samples at 100 ms; older ones are dropped. */
const MAX_SAMPLES = 6000;

/**
 * Samples this process's RSS and CPU time on the shared clock, so a child reports its own
 * footprint over any window afterwards — even when it was too busy to answer in time.
 */
export class ResourceSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Use over [start, end) on the shared clock (ms), from the samples that bracket it. */
  read(start: number, end: number): ResourceUse {
    this.sample();
    // A busy event loop samples late: take the last sample before and the first after too.
    let from = this.samples.findIndex((s) => s.at >= start);
    if (from < 0) from = this.samples.length - 1;
    else if (from > 0) from--;
    let to = this.samples.findIndex((s) => s.at >= end);
    if (to < 0) to = this.samples.length - 1;
    const span = this.samples.slice(from, to + 1);
    const first = span[0];
    const last = span[span.length - 1];
    if (!first || !last || last.at <= first.at) return { rssMeanMiB: 0, rssPeakMiB: 0, heapUsedMiB: 0, externalMiB: 0, cpuPct: 0, seconds: 0 };
    const mean = (f: (s: Sample) => number) => round(span.reduce((n, s) => n + f(s), 0) / span.length / MIB);
    const seconds = (last.at - first.at) / 1000;
    return {
      rssMeanMiB: mean((s) => s.rss),
      rssPeakMiB: round(Math.max(...span.map((s) => s.rss)) / MIB),
      heapUsedMiB: mean((s) => s.heapUsed),
      externalMiB: mean((s) => s.external),
      cpuPct: round(((last.cpu - first.cpu) / 1e6 / seconds) * 100),
      seconds: round(seconds),
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    this.samples.push({ at: nowMs(), rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external, cpu: cpu.user + cpu.system });
    if (this.samples.length > MAX_SAMPLES) this.samples.splice(0, this.samples.length - MAX_SAMPLES);
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
