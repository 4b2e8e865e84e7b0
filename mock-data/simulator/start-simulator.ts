import { SCENARIO_NAMES, type ScenarioName } from '../scenarios/types.js';
import { SCENARIO_LENGTH_MS } from '../scenarios/index.js';
import { simulatedClock } from './clock.js';
import { createDrillSession } from './drill-session.js';
import type { ObservationIntervals } from '../generators/observations.js';
import { loadSimCity, type SimCity } from './city.js';
import { SimEngine } from './engine.js';
import { createHttpSink } from './http-sink.js';
import { consoleLog, type SimLog } from './log.js';
import type { Outbound } from './messages.js';
import { createMqttSink, type MqttSink } from './mqtt-sink.js';
import { toRequests } from './requests.js';
import { createStats, type SimulatorStats } from './stats.js';
import { toLocalIso } from './time.js';

export interface SimulatorOptions {
  /** Base URL of the server, e.g. `http://localhost:8080`. */
  url: string;
  /** Ingest key (Bearer for `/api/v1/ingest/*`, `api_key` for Open311). */
  key: string;
  scenario: ScenarioName;
  /** Simulated seconds per real second (1 = real time); the simulated clock never passes the wall clock (see `clock.ts`). */
  speed: number;
  /** Run as a drill whatever the scenario: everything sent is exercise data, inside a drill session. */
  drill?: boolean;
  /** Planned real length of the run (`--duration`): at speed > 1 the run plays N × this, ending at the present. */
  durationMs?: number;
  /** Adcode of a city pack under `mock-data/cities/`, or an already prepared city. */
  city: string | SimCity;
  seed: number;
  /** Publish readings to this MQTT broker instead of `POST /api/v1/ingest/observations`. */
  mqttUrl?: string;
  log?: SimLog;
  /** Simulated start instant; default the real now, or earlier at speed > 1 (see `clock.ts`). With the same seed and start the data repeats exactly. */
  start?: number | string | Date;
  /** Simulate (and send at once) this many hours before the start. Default 0. */
  backfillHours?: number;
  /** Hours of hourly readings sent before the simulated time begins (trend charts). Default 24. */
  historyHours?: number;
  /** Real milliseconds between ticks. Default 1000. */
  tickMs?: number;
  /** Real milliseconds between progress log lines; 0 for none. Default 60,000. */
  progressMs?: number;
  intervals?: ObservationIntervals;
  /** Folder holding the city packs; default `mock-data/cities/`. */
  citiesDir?: string;
  fetchImpl?: typeof fetch;
  /** First retry backoff step (doubles per attempt). Default 250 ms. */
  retryBaseMs?: number;
}

export interface Simulator {
  /** Stops after the request in flight; resolves when the loop and the MQTT client are closed. */
  stop(): Promise<void>;
  stats(): SimulatorStats;
  /** Resolves when the loop has ended (stopped, or a drill fully played out). */
  readonly done: Promise<void>;
}

/** Simulated time produced per step while behind the clock. */
const CATCH_UP_STEP_MS = 3_600_000;

function checkOptions(o: SimulatorOptions): void {
  if (!/^https?:\/\/./.test(o.url)) throw new TypeError(`simulator: url must be http(s)://…, got "${o.url}"`);
  if (!o.key) throw new TypeError('simulator: key is required');
  if (!SCENARIO_NAMES.includes(o.scenario)) throw new TypeError(`simulator: unknown scenario "${o.scenario}" (${SCENARIO_NAMES.join(', ')})`);
  if (!Number.isFinite(o.speed) || o.speed <= 0) throw new TypeError(`simulator: speed must be a positive number, got ${o.speed}`);
  if (!Number.isInteger(o.seed)) throw new TypeError(`simulator: seed must be an integer, got ${o.seed}`);
}

/**
 * Starts feeding a running server through its public ingest interfaces. The simulated
 * clock starts at `start` (default now) and runs `speed` times real time; every tick the
 * engine's messages up to the simulated now are delivered in order. Resolves once the city
 * is loaded and the loop started; rejects on bad options or a bad city pack (`CityPackError`).
 * Never fails after starting: delivery problems are logged and counted in `stats()`.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  checkOptions(opts);
  const log = opts.log ?? consoleLog;
  const city = typeof opts.city === 'string' ? await loadSimCity(opts.city, opts.citiesDir) : opts.city;
  const realStart = Date.now();
  const start = opts.start === undefined ? undefined : new Date(opts.start).getTime();
  if (start !== undefined && !Number.isFinite(start)) throw new TypeError(`simulator: invalid start ${String(opts.start)}`);
  const clock = simulatedClock({ realStart, speed: opts.speed, start, durationMs: opts.durationMs, scenarioMs: SCENARIO_LENGTH_MS[opts.scenario] });
  const simStart = clock.start;
  const engine = new SimEngine({
    city,
    seed: opts.seed,
    scenario: opts.scenario,
    start: simStart,
    backfillHours: opts.backfillHours,
    historyHours: opts.historyHours,
    intervals: opts.intervals,
    drill: opts.drill,
  });
  const session = engine.exercise ? createDrillSession({ url: opts.url, key: opts.key, log, fetchImpl: opts.fetchImpl, retryBaseMs: opts.retryBaseMs }) : null;
  const stats = createStats(opts, () => engine);
  let stopping = false;
  const sink = createHttpSink({ url: opts.url, key: opts.key, log, stopping: () => stopping, fetchImpl: opts.fetchImpl, retryBaseMs: opts.retryBaseMs, onRetry: () => stats.retries++ });
  const mqtt: MqttSink | null = opts.mqttUrl ? createMqttSink(opts.mqttUrl, city.adcode, log) : null;
  let requestStop = (): void => {};
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  /** Waits `ms`, or less when stop() is called meanwhile. */
  const pause = async (ms: number): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), stopRequested]);
    clearTimeout(timer);
  };

  async function deliver(messages: Outbound[]): Promise<void> {
    let rest = messages;
    if (mqtt) {
      const readings = messages.flatMap((m) => (m.channel === 'observation' ? [m.payload] : []));
      rest = messages.filter((m) => m.channel !== 'observation');
      if (readings.length > 0) stats.count('observation', await mqtt.publish(readings), readings.length);
    }
    for (const req of toRequests(rest, opts.key)) {
      if (stopping) {
        stats.dropped += req.count;
        continue;
      }
      stats.requests++;
      const result = await sink.send(req);
      stats.count(req.channel, result.accepted, req.count);
      if (result.outcome === 'refused') stats.refused++;
      if (result.outcome === 'dropped') stats.dropped += req.count;
    }
  }

  async function run(): Promise<void> {
    log.info({ scenario: opts.scenario, seed: opts.seed, speed: opts.speed, city: city.adcode, start: toLocalIso(simStart), url: opts.url }, 'simulator: started');
    // The back-filled readings would be lost if sent before the broker connection is up.
    if (mqtt && !(await Promise.race([mqtt.ready(10_000), stopRequested.then(() => true)]))) log.warn({ url: opts.mqttUrl }, 'simulator: MQTT broker not reachable yet');
    await session?.start(`${opts.scenario === 'typhoon' ? '台风演练' : '演练'} ${toLocalIso(realStart).slice(0, 16)}`, opts.scenario);
    await deliver(engine.initial());
    let lastProgress = Date.now();
    while (!stopping) {
      const simNow = clock.at(Date.now());
      // Catching up (a back-fill) goes an hour at a time: memory stays bounded and the
      // process (the server itself, in the demo) keeps answering between the batches.
      const behind = simNow - engine.now > CATCH_UP_STEP_MS;
      await deliver(engine.advance(behind ? engine.now + CATCH_UP_STEP_MS : simNow));
      if (behind) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (engine.finished) {
        log.info(stats.snapshot(), 'simulator: scenario finished');
        break;
      }
      const progressMs = opts.progressMs ?? 60_000;
      if (progressMs > 0 && Date.now() - lastProgress >= progressMs) {
        log.info(stats.snapshot(), 'simulator: progress');
        lastProgress = Date.now();
      }
      if (stopping) break;
      await pause(opts.tickMs ?? 1000);
    }
    await session?.end();
    stats.running = false;
  }

  const done = run().catch(async (err: unknown) => {
    log.error({ err }, 'simulator: stopped by an unexpected error');
    await session?.end();
    stats.running = false;
  });

  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        requestStop();
        await done;
        await mqtt?.close();
      })();
      return stopped;
    },
    stats: () => stats.snapshot(),
    done,
  };
}
