import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import { io as connectIo, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { Db } from '../../../server/src/store/db.js';
import { openTestDb, useTestDb } from '../../helpers/test-db.js';
import { createLiveHub, itemDistricts, type LiveHub, type LiveHubDeps, type LiveServer, type SnapshotFn } from '../../../server/src/realtime/index.js';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveDelta,
  type LiveResync,
  type LiveTopic,
  type ServerToClientEvents,
  type SocketData,
  type TopicItems,
} from '../../../shared/contracts/live.js';

/** A typed client of `/live`. */
export type LiveClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

/** Tokens the fake verifier knows. */
export const USERS: Record<string, SocketData['user']> = {
  'leader-token': { username: 'leader', role: 'leader', districts: null },
  'grid-token': { username: 'grid', role: 'grid', districts: ['441702'] },
};

export const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

export async function fakeVerifyToken(token: string): Promise<SocketData['user']> {
  const user = USERS[token];
  if (!user) throw new Error('bad token');
  return user;
}

/** A snapshot source over fixed items that scopes like the real one would. */
export function fakeSnapshot(state: { [T in LiveTopic]?: TopicItems[T][] } = {}): SnapshotFn {
  return async <T extends LiveTopic>(topic: T, districts: string[] | null) => {
    const items = state[topic] ?? [];
    if (districts === null) return items;
    return items.filter((item) => itemDistricts(topic, item).some((d) => districts.includes(d)));
  };
}

export interface LiveServerHandle {
  url: string;
  io: LiveServer;
  hub: LiveHub;
  db: Db;
  close(): Promise<void>;
}

export interface LiveServerOptions {
  db?: Db;
  snapshot?: SnapshotFn;
  hub?: Partial<LiveHubDeps>;
  io?: Partial<ServerOptions>;
  beforeHub?: (io: LiveServer) => Promise<void>;
}

/** Starts an HTTP server on port 0 with Socket.IO and the live hub over an in-memory PGlite. */
export async function startLiveServer(opts: LiveServerOptions = {}): Promise<LiveServerHandle> {
  const ownDb = !opts.db;
  const db = opts.db ?? (await openTestDb());
  const server = http.createServer();
  const io: LiveServer = new Server(server, { serveClient: false, ...opts.io });
  await opts.beforeHub?.(io);
  const hub = createLiveHub({
    io,
    db,
    verifyToken: fakeVerifyToken,
    snapshot: opts.snapshot ?? fakeSnapshot(),
    log: silentLog,
    ...opts.hub,
  });
  await hub.ready;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    io,
    hub,
    db,
    async close() {
      await hub.close();
      await io.close();
      if (ownDb) await db.close();
    },
  };
}

/** Connects a client to `/live` (over a websocket unless told); rejects with the server's refusal. */
export function connectClient(url: string, token?: string, transport: 'websocket' | 'polling' = 'websocket'): Promise<LiveClient> {
  const client: LiveClient = connectIo(url + LIVE_NAMESPACE, {
    auth: token === undefined ? {} : { token },
    transports: [transport],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', (err) => {
      client.close();
      reject(err);
    });
  });
}

/**
 * One live server per test plus its clients, all closed after each test. Call inside a
 * `describe`; `start` in the test, then `connect` as many clients as it needs. The servers of
 * one file share one database, emptied back to its migrated state before each test.
 */
export function useLiveServer() {
  const db = useTestDb();
  let current: LiveServerHandle | undefined;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await current?.close();
    current = undefined;
  });
  return {
    async start(opts?: LiveServerOptions): Promise<LiveServerHandle> {
      current = await startLiveServer({ db: db(), ...opts });
      return current;
    },
    /** The running server of this test. */
    get server(): LiveServerHandle {
      if (!current) throw new Error('start() the live server first');
      return current;
    },
    async connect(token: string, transport?: 'websocket' | 'polling'): Promise<LiveClient> {
      const client = await connectClient(this.server.url, token, transport);
      clients.push(client);
      return client;
    },
  };
}

/** Everything a client was pushed, in arrival order. */
export function record(client: LiveClient) {
  const deltas: LiveDelta[] = [];
  const resyncs: LiveResync[] = [];
  client.on('live:delta', (d) => deltas.push(d));
  client.on('live:resync', (r) => resyncs.push(r));
  return { deltas, resyncs, of: (topic: LiveTopic) => deltas.filter((d) => d.topic === topic) };
}

/** Waits until `check` holds (bounded, so a broken feature fails instead of hanging). */
export async function waitFor(check: () => boolean, label: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A round trip after which every push the server wrote before it has arrived. An invalid
 * subscribe is answered without touching the client's subscriptions.
 */
export async function barrier(client: LiveClient): Promise<void> {
  await client.emitWithAck('live:subscribe', { topics: [] });
}
