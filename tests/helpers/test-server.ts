import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveTopic, ServerToClientEvents, SubscribeRequest, SubscribeResult, Ack, LiveDelta } from '../../shared/contracts/live.js';
import { loadConfig } from '../../server/src/config.js';
import { openDb, type Db } from '../../server/src/store/db.js';
import { openTestDb } from './test-db.js';
import { loadCityPack } from '../../server/src/city/city-pack.js';
import { createAuthService, type AuthService } from '../../server/src/auth/auth.service.js';
import { createApp, type App } from '../../server/src/app.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const INGEST_KEY = 'demo-ingest-key';

/** A throw-away PostgreSQL schema on the local server; `url` points the app at it. */
export async function pgSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: PG_URL, dataDir: '' });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  return {
    url: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const db = await openDb({ databaseUrl: PG_URL, dataDir: '' });
      await db.exec(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

export interface TestServer {
  url: string;
  app: App;
  db: Db;
  /** The server's auth service (its account cache can be cleared after a direct database change). */
  auth: AuthService;
  /** Logs in a demo account and returns its token. */
  token(username: 'leader' | 'duty' | 'duty2' | 'grid' | 'admin'): Promise<string>;
  /** POSTs to an ingest endpoint with the demo key. */
  ingest(path: string, body: unknown, contentType?: string): Promise<Response>;
  /** GETs an API path with a user's token. */
  get(path: string, username?: 'leader' | 'duty' | 'duty2' | 'grid' | 'admin'): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the real server on port 0 over an in-memory PGlite (or `databaseUrl`), demo mode. */
export async function startTestServer(opts: { databaseUrl?: string; redisUrl?: string; now?: () => Date; flushIntervalMs?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', JWT_SECRET: 'test-secret-test-secret-test-secret-42', ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}), ...opts.env });
  const db = await openTestDb({ databaseUrl: opts.databaseUrl, timeoutMs: config.dbTimeoutMs, connectTimeoutMs: config.dbConnectTimeoutMs });
  const city = await loadCityPack('441700');
  const auth = createAuthService({ db, config, defaultGridDistrict: '441702' });
  await auth.bootstrap();
  const app = await createApp({ config, db, city, auth, log: pino({ level: 'silent' }), now: opts.now, flushIntervalMs: opts.flushIntervalMs ?? 20, jobs: { kpiMs: 100 } });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
      tokens.set(username, ((await res.json()) as { token: string }).token);
    }
    return tokens.get(username)!;
  };
  return {
    url,
    app,
    db,
    auth,
    token,
    ingest: (path, body, contentType = 'application/json') =>
      fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    get: async (path, username = 'leader') => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${await token(username)}` } }),
    async close() {
      await app.close();
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await db.close();
    },
  };
}

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  deltas: LiveDelta[];
  subscribe(req: SubscribeRequest): Promise<Ack<SubscribeResult>>;
  /** Resolves with the first delta of `topic` matching `pred` (already received or coming). */
  waitFor(topic: LiveTopic, pred?: (d: LiveDelta) => boolean, timeoutMs?: number): Promise<LiveDelta>;
};

/** A real socket.io-client on `/live` that records every delta it gets. */
export async function liveClient(url: string, token: string): Promise<LiveClient> {
  const socket = connect(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true }) as LiveClient;
  socket.deltas = [];
  socket.on('live:delta', (d) => socket.deltas.push(d));
  socket.subscribe = (req) => socket.timeout(10_000).emitWithAck('live:subscribe', req);
  socket.waitFor = (topic, pred = () => true, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const hit = socket.deltas.find((d) => d.topic === topic && pred(d));
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error(`no ${topic} delta within ${timeoutMs} ms`)), timeoutMs);
      const on = (d: LiveDelta) => {
        if (d.topic === topic && pred(d)) {
          clearTimeout(timer);
          socket.off('live:delta', on);
          resolve(d);
        }
      };
      socket.on('live:delta', on);
    });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
