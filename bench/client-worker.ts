/**
 * Bench child: a pool of `/live` clients, each subscribed to `grid`. For every item that
 * arrives at every client it takes the receive time on the shared clock and the send time the
 * item's sourceId carries, and keeps counts and a latency histogram for the measurement window
 * the orchestrator announces. Clients are the lean {@link RawLiveClient} (default) or the
 * stock socket.io-client (`mode: 'socketio'`, which parses every frame in full).
 */
import { io as connectIo, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LiveDelta, LiveResync, ServerToClientEvents, SubscribeRequest, SubscribeResult } from '../shared/contracts/live.js';
import { nowMs } from './lib/clock.js';
import { Histogram } from './lib/histogram.js';
import { serveRequests, type Request } from './lib/ipc.js';
import { sentAtOf } from './lib/payloads.js';
import { RawLiveClient } from './lib/raw-live-client.js';
import { ResourceSampler } from './lib/resources.js';

/** What the worker needs of either client kind. */
interface Client {
  connected: boolean;
  subscribe(req: SubscribeRequest): Promise<Ack<SubscribeResult>>;
  close(): void;
  mismatches: number;
}

const sampler = new ResourceSampler();
const clients: Client[] = [];
let window = { start: Infinity, end: -Infinity };
let hist = new Histogram();
const zero = () => ({ items: 0, deltas: 0, receivedInWindow: 0, deliveredOfWindow: 0, resyncs: 0, snapshots: 0, missedReplayed: 0, disconnects: 0, subscribeErrors: 0 });
let counts = zero();

function onSentTimes(sentAts: number[], at: number): void {
  const inWindow = at >= window.start && at < window.end;
  for (const sentAt of sentAts) {
    if (Number.isNaN(sentAt)) continue;
    counts.items++;
    if (inWindow) counts.receivedInWindow++;
    if (sentAt >= window.start && sentAt < window.end) {
      counts.deliveredOfWindow++;
      hist.add(at - sentAt);
    }
  }
}

const sentAtsOf = (items: unknown[]) => items.map((i) => sentAtOf((i as { sourceId?: string }).sourceId ?? ''));

/** Subscribes `grid` (from `since` after a resync) and counts what the ack replays. */
async function subscribe(client: Client, lastSeq: { v: number }, since?: number): Promise<void> {
  const res = await client.subscribe({ topics: ['grid'], ...(since !== undefined ? { since: { grid: since } } : {}) });
  if (!res.ok) throw new Error(`subscribe refused: ${res.error.code} ${res.error.message}`);
  const grid = res.data.topics.grid;
  if (!grid) throw new Error('subscribe answered without grid');
  if (grid.snapshot && since !== undefined) counts.snapshots++;
  const at = nowMs();
  for (const d of grid.missed ?? []) {
    counts.missedReplayed += d.items.length;
    onSentTimes(sentAtsOf(d.items), at);
  }
  lastSeq.v = Math.max(lastSeq.v, grid.seq);
}

function onResync(client: Client, lastSeq: { v: number }, msg: LiveResync): void {
  if (!msg.topics.includes('grid')) return;
  counts.resyncs++;
  subscribe(client, lastSeq, lastSeq.v).catch(() => counts.subscribeErrors++);
}

async function openRaw(url: string, token: string): Promise<Client> {
  const raw = await RawLiveClient.connect(url, token);
  const lastSeq = { v: 0 };
  raw.onDelta = (d) => {
    counts.deltas++;
    if (d.seq > lastSeq.v) lastSeq.v = d.seq;
    onSentTimes(d.sentAt, nowMs());
  };
  raw.onEvent = (name, payload) => name === 'live:resync' && onResync(raw, lastSeq, payload as LiveResync);
  raw.onClose(() => counts.disconnects++);
  await subscribe(raw, lastSeq);
  return raw;
}

async function openSocketIo(url: string, token: string): Promise<Client> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectIo(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const client: Client = {
    get connected() {
      return socket.connected;
    },
    subscribe: (req) => socket.timeout(30_000).emitWithAck('live:subscribe', req),
    close: () => void socket.disconnect(),
    mismatches: 0,
  };
  const lastSeq = { v: 0 };
  socket.on('live:delta', (d: LiveDelta) => {
    counts.deltas++;
    if (d.seq > lastSeq.v) lastSeq.v = d.seq;
    onSentTimes(sentAtsOf(d.items), nowMs());
  });
  socket.on('live:resync', (msg) => onResync(client, lastSeq, msg));
  socket.on('disconnect', () => counts.disconnects++);
  await subscribe(client, lastSeq);
  return client;
}

serveRequests(
  {
    /** Opens `clients` connections, `parallel` at a time so the server is not hit by one storm. */
    async connect(req: Request) {
      const { url, token, clients: n, mode = 'raw', parallel = 25 } = req as Request & { url: string; token: string; clients: number; mode?: 'raw' | 'socketio'; parallel?: number };
      const open = mode === 'socketio' ? openSocketIo : openRaw;
      let failed = 0;
      let firstError = '';
      for (let i = 0; i < n; i += parallel) {
        const batch = Array.from({ length: Math.min(parallel, n - i) }, () => open(url, token));
        for (const r of await Promise.allSettled(batch)) {
          if (r.status === 'fulfilled') clients.push(r.value);
          else {
            failed++;
            firstError ||= String(r.reason);
          }
        }
      }
      return { connected: clients.length, failed, firstError };
    },
    window(req: Request) {
      window = { start: Number(req.start), end: Number(req.end) };
      hist = new Histogram();
      counts = zero();
    },
    collect() {
      return {
        counts,
        hist: hist.toSparse(),
        max: hist.max,
        resources: sampler.read(window.start, window.end),
        open: clients.filter((c) => c.connected).length,
        mismatches: clients.reduce((n, c) => n + c.mismatches, 0),
      };
    },
  },
  async () => {
    for (const c of clients) c.close();
  },
);
