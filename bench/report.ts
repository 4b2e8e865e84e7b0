import type { MemoryResult } from './memory.js';
import type { GridScaleRun } from './grid-scale.js';
import type { FanoutResult } from './fanout.js';
import type { AlertDesksResult } from './alert-desks.js';
import type { IngestResult } from './ingest.js';
import type { BackfillResult } from './backfill.js';
import type { machine } from './lib/machine.js';
import { screenMarkdown, type ScreenResults } from './screen/report.js';

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  startedAt: string;
  durationS: number;
  machine: ReturnType<typeof machine>;
  /** Machine CPU busy (% of one core) in the 2 s before the run: other work skews the figures. */
  backgroundBusyPct: number;
  options: Record<string, unknown>;
  ingest: IngestResult | null;
  /** The hub at the target load. */
  hub: FanoutResult | null;
  /** The hub at the peak feed the naive baseline also gets. */
  hubPeak: FanoutResult | null;
  naive: FanoutResult | null;
  /** A CAP alert reaching every open desk. */
  alertDesks?: AlertDesksResult | null;
  /** The demo's 90-day history back-fill on a fresh server. */
  backfill?: BackfillResult | null;
  /** The big screen in Chromium: initial load, map updates, stamina. */
  screen: ScreenResults;
  /** Server RSS idle and with the bulk case fixture and live clients. */
  memory?: MemoryResult | null;
  /** The heatmap and evaluation over the bulk case fixture (1,000,000 cases). */
  gridScale?: GridScaleRun[] | null;
  targets: TargetRow[];
}

/** One line of the verdict table. */
export interface TargetRow {
  metric: string;
  target: string;
  measured: string;
  verdict: 'PASS' | 'FAIL' | 'n/a';
}

const TARGETS = { ingestPerS: 20_000, deliveriesPerS: 200_000, p99Ms: 150, speedup: 4, alertDeskP99Ms: 1000 };

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number | null) => (n === null ? 'not reached' : `${n} ms`);
const pct = (measured: number, target: number) => `${measured >= target ? '+' : ''}${Math.round((measured / target - 1) * 100)} %`;

/** The verdict of each target against what was measured (missing phases are n/a). */
export function judge(r: Pick<BenchResults, 'ingest' | 'hub' | 'hubPeak' | 'naive' | 'alertDesks'>): TargetRow[] {
  const rows: TargetRow[] = [];
  const g = r.ingest?.grid;
  // The target is for the embedded database as deployed; a PostgreSQL run is a comparison.
  const embedded = r.ingest?.engine === 'pglite';
  rows.push(
    g
      ? {
          metric: `Durable ingest, grid events/s (202 after commit, ${embedded ? 'on-disk PGlite' : 'PostgreSQL, comparison only'})`,
          target: `≥ ${int(TARGETS.ingestPerS)}`,
          measured: `${int(g.itemsPerS)} (${pct(g.itemsPerS, TARGETS.ingestPerS)})`,
          verdict: !embedded ? 'n/a' : g.itemsPerS >= TARGETS.ingestPerS ? 'PASS' : 'FAIL',
        }
      : { metric: 'Durable ingest, grid events/s', target: `≥ ${int(TARGETS.ingestPerS)}`, measured: 'not run', verdict: 'n/a' },
  );
  const o = r.ingest?.observations;
  if (o) rows.push({ metric: 'Durable ingest, observations/s', target: '—', measured: int(o.itemsPerS), verdict: 'n/a' });
  const h = r.hub;
  if (h) {
    const feed = `${int(h.feed.accepted / h.windowS)} ev/s fed`;
    rows.push({
      metric: `Fan-out deliveries/s, ${h.clientsConnected} clients on grid (${feed})`,
      target: `≥ ${int(TARGETS.deliveriesPerS)}`,
      measured: `${int(h.deliveriesPerS)} (${pct(h.deliveriesPerS, TARGETS.deliveriesPerS)})`,
      verdict: h.deliveriesPerS >= TARGETS.deliveriesPerS ? 'PASS' : 'FAIL',
    });
    rows.push({
      metric: `Ingest-to-client latency p50 / p99 at that load`,
      target: `p99 ≤ ${TARGETS.p99Ms} ms`,
      measured: `${ms(h.latencyMs.p50)} / ${ms(h.latencyMs.p99)}`,
      verdict: h.latencyMs.p99 !== null && h.latencyMs.p99 <= TARGETS.p99Ms ? 'PASS' : 'FAIL',
    });
    rows.push({ metric: 'Deliveries complete (of the window’s items)', target: '100 %', measured: `${(h.completeness * 100).toFixed(2)} %`, verdict: 'n/a' });
    rows.push({
      metric: 'Server RSS mean / peak under load (hub)',
      target: '—',
      measured: `${h.serverResources.rssMeanMiB} / ${h.serverResources.rssPeakMiB} MiB (${h.serverIdleRssMiB} MiB with clients, before the feed)`,
      verdict: 'n/a',
    });
  }
  const p = r.hubPeak;
  if (p) {
    rows.push({
      metric: `Peak: hub deliveries/s at ${int(p.feed.ratePerS)} ev/s offered`,
      target: '—',
      measured: `${int(p.deliveriesPerS)} (p50 ${ms(p.latencyMs.p50)}, p99 ${ms(p.latencyMs.p99)})`,
      verdict: 'n/a',
    });
  }
  const n = r.naive;
  if (n) {
    rows.push({
      metric: `Naive baseline deliveries/s at ${int(n.feed.ratePerS)} ev/s offered`,
      target: '—',
      measured: `${int(n.deliveriesPerS)} (p99 ${ms(n.latencyMs.p99)}, accepted ${int(n.feed.accepted / n.windowS)} ev/s)`,
      verdict: 'n/a',
    });
    rows.push({
      metric: 'Server RSS mean / peak under load (naive)',
      target: '—',
      measured: `${n.serverResources.rssMeanMiB} / ${n.serverResources.rssPeakMiB} MiB (${n.serverIdleRssMiB} MiB with clients, before the feed)`,
      verdict: 'n/a',
    });
  }
  // Compared at the same offered feed: the peak run when there is one, else the target-load run.
  const same = [p, h].find((x) => x && n && x.feed.ratePerS === n.feed.ratePerS);
  if (same && n) {
    const x = n.deliveriesPerS > 0 ? same.deliveriesPerS / n.deliveriesPerS : Infinity;
    rows.push({
      metric: `Hub vs naive, deliveries/s at the same ${int(n.feed.ratePerS)} ev/s feed`,
      target: `≥ ${TARGETS.speedup}×`,
      measured: `${x.toFixed(1)}×`,
      verdict: x >= TARGETS.speedup ? 'PASS' : 'FAIL',
    });
  }
  const d = r.alertDesks;
  if (d) {
    const complete = d.delivered === d.expectedDeliveries && d.desksConnected === d.desks;
    rows.push({
      metric: `CAP alert to each of ${d.desksConnected}/${d.desks} open desks, POST start to arrival p50 / p99 (${d.alertsAccepted} alerts, ${int(d.delivered)}/${int(d.expectedDeliveries)} arrived; CAP 202 p50 ${ms(d.acceptMs.p50)})`,
      target: `p99 ≤ ${int(TARGETS.alertDeskP99Ms)} ms`,
      measured: `${ms(d.latencyMs.p50)} / ${ms(d.latencyMs.p99)} (max ${d.latencyMs.max} ms)`,
      verdict: complete && d.latencyMs.p99 !== null && d.latencyMs.p99 <= TARGETS.alertDeskP99Ms ? 'PASS' : 'FAIL',
    });
  }
  return rows;
}

/** The verdict table and the run's details as Markdown (also what the console shows). */
export function toMarkdown(r: BenchResults): string {
  const lines = [
    `# City Cockpit benchmark — ${r.startedAt}`,
    '',
    `Machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}. ` +
      `Background CPU before the run: ${r.backgroundBusyPct} % of one core. Run took ${r.durationS} s.`,
    '',
    '| Metric | Target | Measured | Result |',
    '|---|---|---|---|',
    ...r.targets.map((t) => `| ${t.metric} | ${t.target} | ${t.measured} | ${t.verdict} |`),
    '',
  ];
  if (r.ingest) {
    const { grid, observations } = r.ingest;
    lines.push('## Ingest', '', '| Endpoint | Items | Seconds | Items/s | Request p50 / p99 | Server CPU | Server RSS peak |', '|---|---|---|---|---|---|---|');
    for (const e of [grid, observations]) {
      if (e)
        lines.push(
          `| ${e.endpoint} | ${int(e.accepted)}${e.failedRequests ? ` (${e.failedRequests} failed requests)` : ''} | ${e.seconds} | ${int(e.itemsPerS)} | ${e.requestMs.p50?.toFixed(0)} / ${e.requestMs.p99?.toFixed(0)} ms | ${e.server.cpuPct} % | ${e.server.rssPeakMiB} MiB |`,
        );
    }
    const k = r.ingest.afterKill;
    const kill = k
      ? ` After SIGKILL of the server and reopening its data dir: ${int(k.cases)} cases, ${int(k.observations)} observations${k.cases === r.ingest.stored.cases && k.observations === r.ingest.stored.observations ? ' (nothing acknowledged was lost)' : ' (ACKNOWLEDGED ROWS LOST)'}.`
      : '';
    lines.push(
      '',
      `Stored afterwards: ${int(r.ingest.stored.cases)} cases (incl. ${int(r.ingest.warmupEvents)} warm-up), ${int(r.ingest.stored.observations)} observations; engine ${r.ingest.engine}, fsync=${r.ingest.fsync}${r.ingest.engine === 'pglite' ? `, data dir ${r.ingest.dataDirMiB} MiB` : ''}.${kill}`,
      '',
    );
  }
  const runs = [r.hub, r.hubPeak, r.naive].filter((x): x is FanoutResult => x !== null);
  if (runs.length) {
    lines.push(
      '## Fan-out',
      '',
      '| Server | Clients | Feed | Ingest request p50 / p99 | Deliveries/s | Complete | p50 / p90 / p99 / max | Server CPU | Server RSS before feed → mean / peak | Client CPU | Machine busy (other work) |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const f of runs) {
      lines.push(
        `| ${f.server} | ${f.clientsConnected} (${f.client.mode}) | ${int(f.feed.accepted / f.windowS)} ev/s in ${f.feed.eventsPerRequest}-event requests${f.feed.skippedTicks ? `, ${f.feed.skippedTicks} ticks skipped` : ''} | ${ms(f.feed.requestMs.p50)} / ${ms(f.feed.requestMs.p99)} | ${int(f.deliveriesPerS)} | ${(f.completeness * 100).toFixed(2)} % | ${ms(f.latencyMs.p50)} / ${ms(f.latencyMs.p90)} / ${ms(f.latencyMs.p99)} / ${f.latencyMs.max} ms | ${f.serverResources.cpuPct} % | ${f.serverIdleRssMiB} → ${f.serverResources.rssMeanMiB} / ${f.serverResources.rssPeakMiB} MiB | ${f.clientCpuPct.join(' + ')} % | ${f.machineBusyPct} % (${f.otherBusyPct} %)${f.otherBusyPct > 25 ? ' ⚠ disturbed' : ''} |`,
      );
    }
    for (const f of runs) {
      const c = f.client;
      if (c.resyncs || c.snapshots || c.disconnects || c.subscribeErrors || c.scanMismatches) {
        lines.push(
          '',
          `${f.server}: ${c.resyncs} resyncs, ${c.snapshots} snapshots, ${c.missedReplayed} items replayed, ${c.disconnects} disconnects, ${c.subscribeErrors} subscribe errors, ${c.scanMismatches} scan mismatches.`,
        );
      }
    }
    lines.push('');
  }
  lines.push(...screenMarkdown(r.screen));
  return lines.join('\n');
}
