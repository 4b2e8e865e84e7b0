import { parseArgs } from 'node:util';
import { SCENARIO_NAMES, type ScenarioName } from '../scenarios/types.js';

/** What `npm run simulate -- …` was asked to do. */
export interface CliOptions {
  url: string;
  key: string;
  scenario: ScenarioName;
  speed: number;
  city: string;
  seed: number;
  mqttUrl?: string;
  /** Real milliseconds to run; absent: until Ctrl-C (or a drill's end). */
  durationMs?: number;
  /** Simulated start instant (epoch ms); absent: now. */
  start?: number;
  backfillHours: number;
  /** Run as a drill whatever the scenario (`--drill`). */
  drill?: boolean;
}

export const USAGE = `Usage: npm run simulate -- --url URL --key KEY [options]

Feeds a running City Cockpit server through its public ingest interfaces.

  --url URL          server base URL, e.g. http://localhost:8080            (required)
  --key KEY          ingest key, e.g. demo-ingest-key                        (required)
  --scenario NAME    normal | typhoon (a drill: everything marked exercise)   [normal]
  --drill            run any scenario as a drill (exercise data, drill session)
  --speed N          simulated seconds per real second, never past the wall
                     clock: a fast run plays a window ending at the present   [1]
  --city CODE        adcode of a city pack in mock-data/cities/               [$CITY or 441700]
  --seed N           integer seed; the same seed and --start repeat the data  [1]
  --mqtt URL         publish sensor readings to this MQTT broker instead of HTTP
  --duration D       stop after D of real time: 90s, 10m, 2h (plain number = seconds)
  --start ISO        simulated start, e.g. 2026-07-01T08:00:00+08:00          [now]
  --backfill H       first simulate the H hours before the start, sent in bulk [0]
  -h, --help         show this help`;

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function number(name: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, what: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what}, got "${raw}"`);
  return n;
}

/** `90s`, `10m`, `2h`, `500ms` or plain seconds → milliseconds. */
export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new UsageError(`--duration must look like 90s, 10m or 2h, got "${raw}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(m[1]) * unit;
  if (ms <= 0) throw new UsageError('--duration must be positive');
  return ms;
}

/**
 * Parses the simulator's command line. Returns `'help'` for -h/--help; throws
 * {@link UsageError} with a message naming the option for anything it cannot run.
 */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        key: { type: 'string' },
        scenario: { type: 'string' },
        speed: { type: 'string' },
        city: { type: 'string' },
        seed: { type: 'string' },
        mqtt: { type: 'string' },
        duration: { type: 'string' },
        start: { type: 'string' },
        backfill: { type: 'string' },
        drill: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  if (!values.url) throw new UsageError('--url is required');
  if (!/^https?:\/\/[^\s/]+/.test(values.url)) throw new UsageError(`--url must be an http(s) URL, got "${values.url}"`);
  if (!values.key) throw new UsageError('--key is required');
  const scenario = values.scenario ?? 'normal';
  if (!(SCENARIO_NAMES as readonly string[]).includes(scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, got "${scenario}"`);
  }
  const city = values.city ?? env.CITY ?? '441700';
  if (!/^\d{6}$/.test(city)) throw new UsageError(`--city must be a six-digit adcode, got "${city}"`);
  if (values.mqtt !== undefined && !/^(mqtts?|wss?|tcp):\/\/./.test(values.mqtt)) {
    throw new UsageError(`--mqtt must be an mqtt:// (or mqtts://, ws://) URL, got "${values.mqtt}"`);
  }
  let start: number | undefined;
  if (values.start !== undefined) {
    start = Date.parse(values.start);
    if (!Number.isFinite(start)) throw new UsageError(`--start must be an ISO date-time, got "${values.start}"`);
  }
  return {
    url: values.url,
    key: values.key,
    scenario: scenario as ScenarioName,
    speed: number('speed', values.speed, 1, (n) => n > 0, 'a positive number'),
    city,
    seed: number('seed', values.seed, 1, Number.isSafeInteger, 'an integer'),
    ...(values.mqtt !== undefined ? { mqttUrl: values.mqtt } : {}),
    ...(values.duration !== undefined ? { durationMs: parseDuration(values.duration) } : {}),
    ...(start !== undefined ? { start } : {}),
    backfillHours: number('backfill', values.backfill, 0, (n) => n >= 0 && n <= 24 * 31, 'a number of hours between 0 and 744'),
    ...(values.drill ? { drill: true } : {}),
  };
}
