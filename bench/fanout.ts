import { removeTempDir, tempDir } from './lib/cleanup.js';
import { nowMs, sleep } from './lib/clock.js';
import { startFeeder, type FeedSummary } from './lib/feeder.js';
import { Histogram, type SparseHistogram } from './lib/histogram.js';
import { login } from './lib/http.js';
import { spawnChild, spawnServer, type Child } from './lib/ipc.js';
import { busyPct, cpuTimes } from './lib/machine.js';
import type { ResourceUse } from './lib/resources.js';

/** Knobs of one fan-out run. */
export interface FanoutOptions {
  clients: number;
  clientProcesses: number;
  /** Grid events per second fed through the ingest API. */
  rate: number;
  /** One ingest request every `tickMs`. */
  tickMs: number;
  warmupS: number;
  measureS: number;
  /** Feeding goes on this long after the window so its last items are measured under load too. */
  drainS: number;
  /** `raw`: lean hand-spoken Socket.IO clients; `socketio`: stock socket.io-client. */
  clientMode: 'raw' | 'socketio';
  /** Batching window of the real hub (undefined = the server default, 50 ms). */
  flushIntervalMs?: number;
}

/** What one fan-out run measured. */
export interface FanoutResult {
  server: 'hub' | 'naive';
  clients: number;
  clientsConnected: number;
  feed: FeedSummary & { ratePerS: number; eventsPerRequest: number };
  windowS: number;
  /** Items received by all clients within the window, per second. */
  deliveriesPerS: number;
  /** Of the items sent within the window: deliveries expected (accepted × clients) and made. */
  expectedDeliveries: number;
  delivered: number;
  completeness: number;
  /** Ingest-to-client latency of the window's items in ms; null = beyond what arrived (items lost or still queued). */
  latencyMs: { p50: number | null; p90: number | null; p99: number | null; max: number };
  /** Server RSS with every client subscribed, before the feed starts (mean over 1 s). */
  serverIdleRssMiB: number;
  serverResources: ResourceUse;
  clientCpuPct: number[];
  machineBusyPct: number;
  /** Machine CPU used by anything but the server, the clients and this orchestrator (other work on the box). */
  otherBusyPct: number;
  client: { mode: 'raw' | 'socketio'; resyncs: number; snapshots: number; missedReplayed: number; disconnects: number; subscribeErrors: number; scanMismatches: number };
  serverCounters: unknown;
}

interface Collected {
  counts: { items: number; receivedInWindow: number; deliveredOfWindow: number; resyncs: number; snapshots: number; missedReplayed: number; disconnects: number; subscribeErrors: number };
  hist: SparseHistogram;
  max: number;
  resources: ResourceUse;
  open: number;
  mismatches: number;
}

/**
 * Starts the server under test in its own process and `clients` subscribers of `grid` spread
 * over `clientProcesses` processes, feeds grid events through the ingest API at a steady rate,
 * and measures deliveries, latency and the server's footprint over a window after a warm-up.
 */
export async function runFanout(server: 'hub' | 'naive', o: FanoutOptions, log: (msg: string) => void): Promise<FanoutResult> {
  const dataDir = tempDir('cockpit-bench-fanout-');
  const children: Child[] = [];
  let feeder: ReturnType<typeof startFeeder> | undefined;
  try {
    const srv = spawnServer(
      {
        BENCH_DATA_DIR: dataDir,
        ...(o.flushIntervalMs !== undefined ? { BENCH_FLUSH_MS: String(o.flushIntervalMs) } : {}),
      },
      server === 'hub' ? 'hub-server.ts' : 'naive-server.ts',
    );
    children.push(srv);
    const { url } = await srv.call<{ url: string }>('start');
    const token = await login(url);

    const workers = Array.from({ length: o.clientProcesses }, () => spawnChild('client-worker.ts'));
    children.push(...workers);
    const per = Math.ceil(o.clients / o.clientProcesses);
    const t = nowMs();
    const opened = await Promise.all(
      workers.map((w, i) => w.call<{ connected: number; failed: number; firstError: string }>('connect', { url, token, mode: o.clientMode, clients: Math.min(per, o.clients - i * per) }, 180_000)),
    );
    const connected = opened.reduce((n, r) => n + r.connected, 0);
    log(
      `  ${server}: ${connected}/${o.clients} clients subscribed in ${((nowMs() - t) / 1000).toFixed(1)} s${opened.some((r) => r.failed) ? ` (failures: ${opened.map((r) => r.firstError).join('; ')})` : ''}`,
    );

    const quietFrom = nowMs();
    await sleep(1000);
    const idleRss = (await srv.call<{ resources: ResourceUse }>('stats', { start: quietFrom, end: nowMs() })).resources.rssMeanMiB;

    feeder = startFeeder({ url, rate: o.rate, tickMs: o.tickMs, prefix: `${server}-${Date.now().toString(36)}` });
    await sleep(o.warmupS * 1000);

    // The window is announced ahead of its start so a busy child still has it in time.
    const start = nowMs() + 1000;
    const end = start + o.measureS * 1000;
    await Promise.all(workers.map((w) => w.call('window', { start, end })));
    await sleep(Math.max(0, start - nowMs()));
    const cpu0 = cpuTimes();
    const self0 = process.cpuUsage();
    await sleep(Math.max(0, end - nowMs()));
    const cpu1 = cpuTimes();
    const selfPct = cpuPct(process.cpuUsage(self0), o.measureS);
    await sleep(o.drainS * 1000);
    const srvStats = await srv.call<{ resources: ResourceUse; hub?: unknown; naive?: unknown }>('stats', { start, end });
    await feeder.stop();
    const collected = await Promise.all(workers.map((w) => w.call<Collected>('collect', {}, 60_000)));

    const feed = feeder.summary(start, end);
    const hist = new Histogram();
    for (const c of collected) hist.merge(c.hist, c.max);
    const sum = (f: (c: Collected) => number) => collected.reduce((n, c) => n + f(c), 0);
    const expected = feed.accepted * connected;
    const delivered = sum((c) => c.counts.deliveredOfWindow);
    const q = (p: number) => round(hist.quantile(p, expected));
    return {
      server,
      clients: o.clients,
      clientsConnected: connected,
      feed: { ...feed, ratePerS: o.rate, eventsPerRequest: feeder.perTick },
      windowS: o.measureS,
      deliveriesPerS: Math.round(sum((c) => c.counts.receivedInWindow) / o.measureS),
      expectedDeliveries: expected,
      delivered,
      completeness: expected > 0 ? Math.round((delivered / expected) * 10000) / 10000 : 0,
      latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: Math.round(hist.max) },
      serverIdleRssMiB: idleRss,
      serverResources: srvStats.resources,
      clientCpuPct: collected.map((c) => c.resources.cpuPct),
      machineBusyPct: busyPct(cpu0, cpu1),
      otherBusyPct: Math.max(0, Math.round(busyPct(cpu0, cpu1) - srvStats.resources.cpuPct - sum((c) => c.resources.cpuPct) - selfPct)),
      client: {
        mode: o.clientMode,
        scanMismatches: sum((c) => c.mismatches),
        resyncs: sum((c) => c.counts.resyncs),
        snapshots: sum((c) => c.counts.snapshots),
        missedReplayed: sum((c) => c.counts.missedReplayed),
        disconnects: sum((c) => c.counts.disconnects),
        subscribeErrors: sum((c) => c.counts.subscribeErrors),
      },
      serverCounters: srvStats.hub ?? srvStats.naive,
    };
  } finally {
    await feeder?.stop().catch(() => undefined);
    await Promise.all(children.reverse().map((c) => c.stop().catch(() => undefined)));
    removeTempDir(dataDir);
  }
}

function cpuPct(use: NodeJS.CpuUsage, seconds: number): number {
  return ((use.user + use.system) / 1e6 / seconds) * 100;
}

function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}
