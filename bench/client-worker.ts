/**
 * Bench child: a pool of real socket.io-client connections on `/live`, each subscribed to
 * `grid`. For every item that arrives at every client it takes the receive time on the shared
 * clock and the send time the item's sourceId carries, and keeps counts and a latency
 * histogram for the measurement window the orchestrator sets.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LiveDelta, LiveResync, ServerToClientEvents, SubscribeResult } from '../shared/contracts/live.js';
import { nowMs } from './lib/clock.js';
import { Histogram } from './lib/histogram.js';
import { serveRequests, type Request } from './lib/ipc.js';
import { sentAtOf } from './lib/payloads.js';
import { ResourceSampler } from './lib/resources.js';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const sampler = new ResourceSampler();
const sockets: LiveSocket[] = [];
let window = { start: Infinity, end: -Infinity };
let hist = new Histogram();
const zero = () => ({ items: 0, deltas: 0, receivedInWindow: 0, deliveredOfWindow: 0, resyncs: 0, snapshots: 0, missedReplayed: 0, disconnects: 0, subscribeErrors: 0 });
let counts = zero();

function onItems(items: { sourceId?: string }[], at: number): void {
  for (const item of items) {
    const sentAt = sentAtOf(item.sourceId ?? '');
    if (Number.isNaN(sentAt)) continue;
    counts.items++;
    if (at >= window.start && at < window.end) counts.receivedInWindow++;
    if (sentAt >= window.start && sentAt < window.end) {
      counts.deliveredOfWindow++;
      hist.add(at - sentAt);
    }
  }
}

async function subscribe(socket: LiveSocket, since: number | undefined, lastSeq: { v: number }): Promise<void> {
  const res: Ack<SubscribeResult> = await socket
    .timeout(30_000)
    .emitWithAck('live:subscribe', { topics: ['grid'], ...(since !== undefined ? { since: { grid: since } } : {}) });
  if (!res.ok) throw new Error(`subscribe refused: ${res.error.code} ${res.error.message}`);
  const grid = res.data.topics.grid;
  if (!grid) throw new Error('subscribe answered without grid');
  const at = nowMs();
  if (grid.snapshot && since !== undefined) counts.snapshots++;
  for (const d of grid.missed ?? []) {
    counts.missedReplayed += d.items.length;
    onItems(d.items, at);
  }
  lastSeq.v = grid.seq;
}

async function open(url: string, token: string): Promise<void> {
  const socket: LiveSocket = connect(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  const lastSeq = { v: 0 };
  socket.on('live:delta', (d: LiveDelta) => {
    counts.deltas++;
    if (d.topic === 'grid') lastSeq.v = Math.max(lastSeq.v, d.seq);
    onItems(d.items as { sourceId?: string }[], nowMs());
  });
  socket.on('live:resync', (msg: LiveResync) => {
    if (!msg.topics.includes('grid')) return;
    counts.resyncs++;
    subscribe(socket, lastSeq.v, lastSeq).catch(() => counts.subscribeErrors++);
  });
  socket.on('disconnect', () => counts.disconnects++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  sockets.push(socket);
  await subscribe(socket, undefined, lastSeq);
}

serveRequests(
  {
    /** Opens `clients` connections, `parallel` at a time so the server is not hit by one storm. */
    async connect(req: Request) {
      const { url, token, clients, parallel = 25 } = req as Request & { url: string; token: string; clients: number; parallel?: number };
      let failed = 0;
      let firstError = '';
      for (let i = 0; i < clients; i += parallel) {
        const batch = Array.from({ length: Math.min(parallel, clients - i) }, () => open(url, token));
        for (const r of await Promise.allSettled(batch)) {
          if (r.status === 'rejected') {
            failed++;
            firstError ||= String(r.reason);
          }
        }
      }
      return { connected: sockets.length, failed, firstError };
    },
    window(req: Request) {
      window = { start: Number(req.start), end: Number(req.end) };
      hist = new Histogram();
      counts = zero();
    },
    collect() {
      return { counts, hist: hist.toSparse(), max: hist.max, resources: sampler.read(window.start, window.end), open: sockets.filter((s) => s.connected).length };
    },
  },
  async () => {
    for (const s of sockets) s.disconnect();
  },
);
