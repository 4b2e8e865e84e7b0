/**
 * `npm run bench`: durable ingest, fan-out to 1,000 live clients, the naive baseline, and the
 * big screen in Chromium (initial load, map updates, stamina), in one run. Writes bench/results/latest.json and latest.md and prints the verdict table.
 * Options: `npm run bench -- --help`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runFanout, type FanoutOptions, type FanoutResult } from './fanout.js';
import { runAlertDesks, type AlertDesksResult } from './alert-desks.js';
import { backfillRows, runBackfill, type BackfillResult } from './backfill.js';
import { runIngest, type IngestResult } from './ingest.js';
import { memoryRows, runMemory, type MemoryResult } from './memory.js';
import { gridScaleRows, runGridScale, type GridScaleRun } from './grid-scale.js';
import { installCleanup } from './lib/cleanup.js';
import { sleep } from './lib/clock.js';
import { busyPct, cpuTimes, machine } from './lib/machine.js';
import { judge, toMarkdown, type BenchResults } from './report.js';
import { runScreen, SCREEN_PHASES } from './screen/run-screen.js';
import { MAP_VIEWS, type MapOptions, type MapView } from './screen/map-updates.js';
import { screenRows } from './screen/report.js';
import { HELP } from './help.js';

const { values: a } = parseArgs({
  options: {
    help: { type: 'boolean' },
    quick: { type: 'boolean' },
    only: { type: 'string' },
    events: { type: 'string' },
    observations: { type: 'string' },
    batch: { type: 'string' },
    concurrency: { type: 'string' },
    'database-url': { type: 'string' },
    'memory-cases': { type: 'string' },
    'memory-settle': { type: 'string' },
    'memory-data': { type: 'string' },
    'grid-cases': { type: 'string' },
    'grid-runs': { type: 'string' },
    'grid-data': { type: 'string' },
    'grid-engines': { type: 'string' },
    'grid-schema': { type: 'string' },
    clients: { type: 'string' },
    'client-procs': { type: 'string' },
    client: { type: 'string' },
    rate: { type: 'string' },
    'peak-rate': { type: 'string' },
    desks: { type: 'string' },
    'desk-alerts': { type: 'string' },
    'tick-ms': { type: 'string' },
    warmup: { type: 'string' },
    measure: { type: 'string' },
    drain: { type: 'string' },
    'flush-ms': { type: 'string' },
    'load-runs': { type: 'string' },
    'map-cases': { type: 'string' },
    'desk-cases': { type: 'string' },
    'desk-change': { type: 'string' },
    'desk-seconds': { type: 'string' },
    'desk-server-nice': { type: 'string' },
    'map-change': { type: 'string' },
    'map-seconds': { type: 'string' },
    'map-warmup': { type: 'string' },
    'map-theme': { type: 'string' },
    'map-views': { type: 'string' },
    'map-settle': { type: 'string' },
    'stamina-minutes': { type: 'string' },
    'stamina-warmup': { type: 'string' },
    'stamina-speed': { type: 'string' },
    'stamina-interval': { type: 'string' },
    'software-compositing': { type: 'boolean' },
  },
});
if (a.help) {
  console.log(HELP);
  process.exit(0);
}
const num = (v: string | undefined, dflt: number) => {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${v}`);
  return n;
};
const phases = new Set((a.only ?? 'ingest,hub,peak,naive,alerts,backfill,screen,memory,grid-scale').split(',').flatMap((s) => (s.trim() === 'screen' ? SCREEN_PHASES : [s.trim()])));
const quick = a.quick ?? false;
const ingestOpts = {
  gridEvents: num(a.events, quick ? 20_000 : 100_000),
  observations: num(a.observations, quick ? 5_000 : 20_000),
  batch: num(a.batch, 1000),
  concurrency: num(a.concurrency, 4),
  databaseUrl: a['database-url'],
};
const fanoutOpts: FanoutOptions = {
  clients: num(a.clients, 1000),
  clientProcesses: num(a['client-procs'], 2),
  clientMode: a.client === 'socketio' ? 'socketio' : 'raw',
  rate: num(a.rate, 400),
  tickMs: num(a['tick-ms'], 50),
  warmupS: num(a.warmup, quick ? 2 : 3),
  measureS: num(a.measure, quick ? 5 : 15),
  drainS: num(a.drain, 3),
  flushIntervalMs: a['flush-ms'] === undefined ? undefined : num(a['flush-ms'], 50),
};
const peakRate = num(a['peak-rate'], 1000);
const memoryOpts = {
  cases: num(a['memory-cases'], quick ? 100_000 : 1_000_000),
  clients: fanoutOpts.clients,
  clientProcesses: fanoutOpts.clientProcesses,
  settleS: num(a['memory-settle'], 30),
  databaseUrl: a['database-url'],
  dataDir: a['memory-data'],
};
const gridScaleOpts = {
  cases: num(a['grid-cases'], quick ? 100_000 : 1_000_000),
  runs: Math.max(1, num(a['grid-runs'], 20)),
  engines: (a['grid-engines'] ?? 'pglite,postgres').split(',').map((e) => {
    if (e.trim() !== 'pglite' && e.trim() !== 'postgres') throw new Error(`--grid-engines: unknown database ${e} (pglite, postgres)`);
    return e.trim() as 'pglite' | 'postgres';
  }),
  databaseUrl: a['database-url'],
  dataDir: a['grid-data'],
  schema: a['grid-schema'],
};
const alertDesksOpts = { desks: num(a.desks, 50), alerts: num(a['desk-alerts'], quick ? 20 : 50), gapMs: 200 };
const gpuCompositing = !a['software-compositing'];
/** The map bench's options, one per view; the warm-up is one pass over every case unless given. */
function mapOptions(cases: number, changePerS: number): MapOptions[] {
  const warmupS = num(a['map-warmup'], Math.ceil(cases / changePerS));
  const views = (a['map-views'] ?? 'city,street').split(',').map((name) => {
    const view = MAP_VIEWS[name.trim() as MapView['name']];
    if (!view) throw new Error(`--map-views: unknown view ${name} (city, street)`);
    return view;
  });
  return views.map((view) => ({
    view,
    cases,
    changePerS,
    seconds: num(a['map-seconds'], quick ? 10 : 30),
    warmupS,
    idleS: 5,
    settleS: num(a['map-settle'], 30),
    theme: a['map-theme'] ?? 'grid',
    gpuCompositing,
  }));
}
const screenOpts = {
  load: { runs: num(a['load-runs'], quick ? 2 : 5), gpuCompositing },
  map: mapOptions(num(a['map-cases'], 10_000), num(a['map-change'], 1000)),
  desk: {
    cases: num(a['desk-cases'], 10_000),
    changePerS: num(a['desk-change'], 20),
    seconds: num(a['desk-seconds'], quick ? 10 : 30),
    idleS: 5,
    settleS: num(a['map-settle'], quick ? 10 : 30),
    answers: quick ? 6 : 20,
    gpuCompositing,
    serverNice: num(a['desk-server-nice'], 0),
  },
  stamina: {
    gpuCompositing,
    minutes: num(a['stamina-minutes'], quick ? 3 : 60),
    warmupMinutes: num(a['stamina-warmup'], quick ? 1 : 5),
    speed: num(a['stamina-speed'], 10),
    intervalS: num(a['stamina-interval'], 12),
  },
};

installCleanup();
const log = (msg: string) => console.log(msg);
const t0 = Date.now();
const startedAt = new Date().toISOString();
const c0 = cpuTimes();
await sleep(2000);
const backgroundBusyPct = busyPct(c0, cpuTimes());
if (backgroundBusyPct > 30) log(`warning: the machine is already ${backgroundBusyPct} % busy (of one core) — figures will be low`);

let ingest: IngestResult | null = null;
let hub: FanoutResult | null = null;
let hubPeak: FanoutResult | null = null;
let naive: FanoutResult | null = null;
let alertDesks: AlertDesksResult | null = null;
if (phases.has('ingest')) {
  log(
    `ingest: ${ingestOpts.gridEvents} grid events in ${ingestOpts.batch}-event requests over ${ingestOpts.concurrency} connections, ${ingestOpts.databaseUrl ? 'PostgreSQL (comparison)' : 'on-disk PGlite'}`,
  );
  ingest = await runIngest(ingestOpts, log);
}
if (phases.has('hub')) {
  log(`fan-out (hub): ${fanoutOpts.clients} clients, ${fanoutOpts.rate} events/s, ${fanoutOpts.warmupS} s warm-up, ${fanoutOpts.measureS} s window`);
  hub = await runFanout('hub', fanoutOpts, log);
}
if (phases.has('peak')) {
  log(`fan-out (hub, peak): ${peakRate} events/s offered`);
  hubPeak = await runFanout('hub', { ...fanoutOpts, rate: peakRate }, log);
}
if (phases.has('naive')) {
  log(`fan-out (naive baseline): same clients, ${peakRate} events/s offered`);
  naive = await runFanout('naive', { ...fanoutOpts, rate: peakRate }, log);
}

if (phases.has('alerts')) {
  log(`alerts to desks: ${alertDesksOpts.alerts} CAP alerts, one every ${alertDesksOpts.gapMs} ms, to ${alertDesksOpts.desks} open desks`);
  alertDesks = await runAlertDesks(alertDesksOpts, log);
}

let backfill: BackfillResult | null = null;
if (phases.has('backfill')) {
  log('backfill: a fresh demo server back-fills 90 days of history; health, sign-in and wall reads probed every second');
  backfill = await runBackfill({ port: 0, timeoutS: 900 }, log);
}

const screen = await runScreen(phases, screenOpts, log);

let memory: MemoryResult | null = null;
if (phases.has('memory')) {
  log(`memory: server RSS idle${memoryOpts.databaseUrl ? ' (embedded and PostgreSQL)' : ''}, then with ${memoryOpts.cases} cases and ${memoryOpts.clients} clients`);
  memory = await runMemory(memoryOpts, log);
}

let gridScale: GridScaleRun[] | null = null;
if (phases.has('grid-scale')) {
  log(`grid-scale: heatmap and evaluation over ${gridScaleOpts.cases} stored cases, ${gridScaleOpts.databaseUrl ? 'embedded database and PostgreSQL' : 'embedded database'}`);
  gridScale = await runGridScale(gridScaleOpts, log);
}

const results: BenchResults = {
  startedAt,
  durationS: Math.round((Date.now() - t0) / 1000),
  machine: machine(),
  backgroundBusyPct,
  options: {
    phases: [...phases],
    ingest: ingestOpts,
    fanout: fanoutOpts,
    peakRate,
    alertDesks: alertDesksOpts,
    screen: screenOpts,
    memory: { ...memoryOpts, databaseUrl: undefined },
    gridScale: { ...gridScaleOpts, databaseUrl: undefined },
  },
  ingest,
  hub,
  hubPeak,
  naive,
  alertDesks,
  backfill,
  screen,
  memory,
  gridScale,
  targets: [...judge({ ingest, hub, hubPeak, naive, alertDesks }), ...backfillRows(backfill), ...screenRows(screen), ...memoryRows(memory), ...gridScaleRows(gridScale)],
};
const md = toMarkdown(results);
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const json = JSON.stringify(results, null, 2);
writeFileSync(`${dir}latest.json`, json);
writeFileSync(`${dir}latest.md`, md);
writeFileSync(`${dir}run-${startedAt.replace(/[:.]/g, '-')}.json`, json);
console.log(`\n${md}\nwritten: bench/results/latest.json, bench/results/latest.md`);
process.exit(0);
