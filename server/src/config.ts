import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PGLITE_MEMORY_DEFAULTS, PGLITE_MEMORY_LIMITS, type PgliteMemory } from './store/pglite-memory.js';
import { parseBasemapConfig, type BasemapConfig } from './basemap-config.js';
import { demoJwtSecret, estimatedEntropyBits, hashIngestKey } from './auth/secrets.js';

/** Thrown by {@link loadConfig} with every problem found, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The server's typed configuration; see docs (config.md) for each environment variable. */
export interface Config {
  mode: 'demo' | 'production';
  port: number;
  /** Interface to listen on; undefined = all interfaces. */
  host: string | undefined;
  /** `postgres://…`; undefined = embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  mqttUrl: string | undefined;
  /** Adcode of the city pack. */
  city: string;
  jwtSecret: string;
  /** `generated` only in demo mode without `JWT_SECRET` (random, kept in `dataDir`). */
  jwtSecretSource: 'env' | 'generated';
  tokenTtlSeconds: number;
  /** Configured ingest keys, already hashed: the plain keys are not kept. */
  ingestKeys: { name: string; keyHash: string }[];
  /** Password for the `admin` account, used only when no admin account exists yet. */
  adminPassword: string | undefined;
  logLevel: LogLevel;
  /** Whether `npm start` runs the simulator against this server. */
  simulate: boolean;
  /** Simulated seconds per real second for that simulator (1 = real time). */
  simulateSpeed: number;
  /** Allowed cross-origin origins; null = same origin only. */
  corsOrigins: string[] | null;
  /** Express `trust proxy` setting, so per-IP limits see the client behind a reverse proxy. */
  trustProxy: boolean | number | string;
  /** How far ahead of the server's clock an ingested time may lie (source clock skew), ms. */
  clockToleranceMs: number;
  /** Live sockets one user may hold per node. */
  liveMaxSocketsPerUser: number;
  /** Deadline of one HTTP request, ms; past it the client gets 503. */
  requestTimeoutMs: number;
  /** Deadline of one database statement, ms. */
  dbTimeoutMs: number;
  /** How long to wait for a database connection, ms. */
  dbConnectTimeoutMs: number;
  /** The embedded database's memory settings (ignored with `DATABASE_URL`). */
  pgliteMemory: PgliteMemory;
  /** The city's own basemap (`BASEMAP_*`), or the built-in one. */
  basemap: BasemapConfig;
  /** Webhook delivery (`WEBHOOK_*`): per-attempt timeout, concurrency per receiver, retry backoff. */
  webhooks: { timeoutMs: number; perReceiver: number; backoff: { baseMs: number; maxMs: number } };
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const MIN_JWT_SECRET = 32;
const MIN_INGEST_KEY = 24;
const MIN_ADMIN_PASSWORD = 12;
/** Estimated entropy (see estimatedEntropyBits) a production secret needs. */
const MIN_JWT_SECRET_BITS = 100;
const MIN_INGEST_KEY_BITS = 80;

const url = (schemes: string[]) => z.string().refine((v) => schemes.some((s) => v.startsWith(`${s}://`)), `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);

const bool = z.string().transform((v, ctx) => {
  const s = v.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return true;
  if (['0', 'false', 'no', 'off'].includes(s)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be true/false (1/0, yes/no, on/off)' });
  return z.NEVER;
});

const ttl = z.string().transform((v, ctx) => {
  const m = /^(\d+)\s*([smhd]?)$/i.exec(v);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[(m?.[2] ?? '').toLowerCase()];
  const seconds = m && unit ? Number(m[1]) * unit : 0;
  if (seconds < 60 || seconds > 30 * 86400) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration like 12h, 30m, 7d or seconds, between 1 minute and 30 days' });
    return z.NEVER;
  }
  return seconds;
});

const ingestKeys = z.string().transform((v, ctx) => {
  const out: { name: string; keyHash: string }[] = [];
  const names = new Set<string>();
  const hashes = new Set<string>();
  for (const [i, pair] of v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const at = pair.indexOf(':');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    const key = at > 0 ? pair.slice(at + 1).trim() : '';
    // Never echo the key itself into an error message that ends up in logs.
    if (!/^[\w.-]{1,64}$/.test(name)) ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: must be name:key with a name of letters, digits, _ . -` });
    else if (key.length < MIN_INGEST_KEY) ctx.addIssue({ code: 'custom', message: `key "${name}" must be at least ${MIN_INGEST_KEY} characters` });
    else if (names.has(name)) ctx.addIssue({ code: 'custom', message: `name "${name}" appears twice` });
    else if (hashes.has(hashIngestKey(key))) ctx.addIssue({ code: 'custom', message: `key "${name}" repeats another entry's key` });
    else {
      names.add(name);
      hashes.add(hashIngestKey(key));
      out.push({ name, keyHash: hashIngestKey(key) });
    }
  }
  return out;
});

/** A memory size in whole megabytes within the setting's bounds. */
const megabytes = (key: keyof PgliteMemory) =>
  z.coerce
    .number('must be a number of megabytes')
    .int('must be whole megabytes')
    .min(PGLITE_MEMORY_LIMITS[key].min, `must be at least ${PGLITE_MEMORY_LIMITS[key].min} MB`)
    .max(PGLITE_MEMORY_LIMITS[key].max, `must be at most ${PGLITE_MEMORY_LIMITS[key].max} MB`)
    .default(PGLITE_MEMORY_DEFAULTS[key]);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().optional(),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  MQTT_URL: url(['mqtt', 'mqtts', 'tcp', 'ssl', 'ws', 'wss']).optional(),
  CITY: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit adcode')
    .default('441700'),
  JWT_SECRET: z.string().min(MIN_JWT_SECRET, `must be at least ${MIN_JWT_SECRET} characters`).optional(),
  TOKEN_TTL: ttl.default(12 * 3600),
  INGEST_KEYS: ingestKeys.optional(),
  ADMIN_PASSWORD: z.string().min(MIN_ADMIN_PASSWORD, `must be at least ${MIN_ADMIN_PASSWORD} characters`).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIMULATE: bool.optional(),
  CLOCK_TOLERANCE_S: z.coerce.number().int('must be whole seconds').min(0, 'must not be negative').max(86_400, 'must be at most 86400').default(300),
  SIMULATE_SPEED: z.coerce.number().positive('must be a positive number').max(3600, 'must be at most 3600').default(1),
  CORS_ORIGIN: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  LIVE_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(900_000),
  PGLITE_SHARED_BUFFERS_MB: megabytes('sharedBuffersMb'),
  PGLITE_WORK_MEM_MB: megabytes('workMemMb'),
  PGLITE_MAINTENANCE_WORK_MEM_MB: megabytes('maintenanceWorkMemMb'),
});

/**
 * Reads and validates the environment. In production (`NODE_ENV=production`) it also
 * requires the secrets demo mode does without, and throws a {@link ConfigError} listing
 * every problem at once, so the server refuses to start with missing or weak secrets.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Blank variables (`FOO=` in an env file) mean "not set".
  const raw = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k]?.trim() ? env[k].trim() : undefined]));
  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const production = raw.NODE_ENV === 'production';
  if (production) {
    if (!raw.JWT_SECRET) problems.push(`JWT_SECRET: required in production (at least ${MIN_JWT_SECRET} random characters)`);
    if (!raw.INGEST_KEYS) problems.push(`INGEST_KEYS: required in production (comma-separated name:key pairs, keys ≥ ${MIN_INGEST_KEY} characters)`);
    else if (parsed.success && parsed.data.INGEST_KEYS?.length === 0) problems.push('INGEST_KEYS: no name:key pair given');
    if (raw.JWT_SECRET && raw.JWT_SECRET.length >= MIN_JWT_SECRET && estimatedEntropyBits(raw.JWT_SECRET) < MIN_JWT_SECRET_BITS) {
      problems.push(`JWT_SECRET: too predictable (repeated characters or a small alphabet); use random bytes, e.g. openssl rand -base64 48`);
    }
    for (const name of weakIngestKeys(raw.INGEST_KEYS)) problems.push(`INGEST_KEYS: key "${name}" is too predictable; use random bytes, e.g. openssl rand -base64 32`);
  }
  const basemap = parseBasemapConfig(env, problems);
  // A mistyped archive name would otherwise leave the map an empty sea with no word why.
  if (parsed.success && basemap.kind === 'pmtiles' && basemap.file && !existsSync(path.resolve(parsed.data.DATA_DIR, basemap.file))) {
    problems.push(`BASEMAP_PMTILES: no file "${basemap.file}" in DATA_DIR (${path.resolve(parsed.data.DATA_DIR)})`);
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    mode: production ? 'production' : 'demo',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    mqttUrl: e.MQTT_URL,
    city: e.CITY,
    jwtSecret: e.JWT_SECRET ?? demoJwtSecret(e.DATA_DIR),
    jwtSecretSource: e.JWT_SECRET ? 'env' : 'generated',
    tokenTtlSeconds: e.TOKEN_TTL,
    ingestKeys: e.INGEST_KEYS ?? [],
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    simulate: e.SIMULATE ?? !production,
    simulateSpeed: e.SIMULATE_SPEED,
    corsOrigins: e.CORS_ORIGIN
      ? e.CORS_ORIGIN.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    clockToleranceMs: e.CLOCK_TOLERANCE_S * 1000,
    liveMaxSocketsPerUser: e.LIVE_MAX_SOCKETS_PER_USER,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    dbTimeoutMs: e.DB_TIMEOUT_MS,
    dbConnectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
    pgliteMemory: { sharedBuffersMb: e.PGLITE_SHARED_BUFFERS_MB, workMemMb: e.PGLITE_WORK_MEM_MB, maintenanceWorkMemMb: e.PGLITE_MAINTENANCE_WORK_MEM_MB },
    basemap,
    webhooks: { timeoutMs: e.WEBHOOK_TIMEOUT_MS, perReceiver: e.WEBHOOK_CONCURRENCY, backoff: { baseMs: e.WEBHOOK_RETRY_BASE_MS, maxMs: e.WEBHOOK_RETRY_MAX_MS } },
  };
}

/** Only what the storage layer needs; for tools (admin CLI, migrations) that hold no secrets. */
export function loadStorageConfig(env: Record<string, string | undefined> = process.env): { databaseUrl?: string; dataDir: string } {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { databaseUrl, dataDir: env.DATA_DIR?.trim() || './data' };
}

/** The configuration with secrets masked, for the startup log line. */
export function redactConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl?.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    redisUrl: config.redisUrl?.replace(/\/\/([^@/]*)@/, '//***@'),
    mqttUrl: config.mqttUrl?.replace(/\/\/([^@/]*)@/, '//***@'),
    jwtSecret: '***',
    adminPassword: config.adminPassword ? '***' : undefined,
    ingestKeys: config.ingestKeys.map((k) => k.name),
  };
}

/** Names of configured ingest keys long enough but too predictable for production. */
function weakIngestKeys(v: string | undefined): string[] {
  if (!v) return [];
  return v
    .split(',')
    .map((pair) => [pair.slice(0, pair.indexOf(':')).trim(), pair.slice(pair.indexOf(':') + 1).trim()])
    .filter(([name, key]) => name && key!.length >= MIN_INGEST_KEY && estimatedEntropyBits(key!) < MIN_INGEST_KEY_BITS)
    .map(([name]) => name!);
}

function parseTrustProxy(v: string | undefined): boolean | number | string {
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}
