import type { Db } from '../store/db.js';
import { LIVE_NAMESPACE, LIVE_TOPICS, type LiveDelta, type LiveTopic, type SocketData, type TopicItems } from '../../../shared/contracts/live.js';
import { BackpressureGuard } from './backpressure.js';
import { createDeltaLogRepository } from './delta-log.repository.js';
import { createMemoryDeltaLog } from './memory-delta-log.js';
import { Fanout } from './fanout.js';
import { authMiddleware, registerLiveHandlers } from './live.handlers.js';
import { isClustered } from './redis-adapter.js';
import { ReorderBuffer } from './reorder-buffer.js';
import { limitSocketsPerUser } from './socket-policy.js';
import type { SnapshotFn } from './replay.js';
import { shareSnapshots } from './snapshot-share.js';
import { writeSharedFrames } from './shared-frames.js';
import pLimit from 'p-limit';
import type { LiveLogger, LiveServer, LiveSocket } from './types.js';

/** What the hub is built from. */
export interface LiveHubDeps {
  /** The Socket.IO server, created by the caller on its HTTP server. */
  io: LiveServer;
  /** A migrated database (the `live_seq` and `live_deltas` tables). */
  db: Db;
  /** Resolves the handshake token to the user; throws when the token is not valid. */
  verifyToken(token: string): Promise<SocketData['user']>;
  /** Current state of a topic, scoped to `districts` (`null` = everything). */
  snapshot: SnapshotFn;
  log: LiveLogger;
  /** Batching window: publishes within it leave as one delta per topic (default 50 ms). */
  flushIntervalMs?: number;
  /** Engine.IO packets queued for a socket above which it is shed (default 200). */
  maxBufferedPackets?: number;
  /** Websocket bytes queued for a socket above which it is shed (default 8 MiB). */
  maxBufferedBytes?: number;
  /**
   * Hard caps of what one socket may have queued (default 2000 packets, 32 MiB). Alerts are
   * never shed, so a client that stops reading but answers heartbeats would hold an
   * ever-growing alert backlog; past these it is disconnected, and resyncs with `since`
   * when it reconnects.
   */
  hardCap?: { packets: number; bytes: number };
  /** Live sockets one user may hold on this node (default 20). */
  maxSocketsPerUser?: number;
  /** Replay log bounds; pruned every `pruneIntervalMs` (default 60 s). */
  retention?: { maxDeltasPerTopic: number; maxAgeMs: number; pruneIntervalMs?: number };
  /** Subscribe answers written at once across all sockets (default 16); the others wait their turn. */
  concurrentAnswers?: number;
  /** Missed deltas above which a subscribe gets a snapshot instead (default 1000). */
  maxReplayDeltas?: number;
  /** How long an out-of-order gap from another node may stay open (default 1000 ms). */
  gapTimeoutMs?: number;
}

/** Counters for Prometheus. All but `clients`, `subscriptions` and `pendingItems` only grow. */
export interface LiveHubStats {
  clients: number;
  subscriptions: number;
  pendingItems: number;
  deltasFlushed: number;
  itemsFlushed: number;
  deltasDelivered: number;
  remoteDeltas: number;
  roomEmits: number;
  deliveries: number;
  droppedToResync: number;
  resyncsSent: number;
  /** Sockets disconnected for exceeding the hard cap, since start. */
  disconnectedOverCap: number;
  /** Connections refused (origin, namespace, per-user limit), since start. */
  refusedConnections: number;
  gapSkips: number;
  flushErrors: number;
}

/** The live push of `/live`. */
export interface LiveHub {
  /** Resolves once the hub has read the head of every topic. */
  readonly ready: Promise<void>;
  /** Queues items for the next batch of `topic`. */
  publish<T extends LiveTopic>(topic: T, items: TopicItems[T][]): void;
  /** Writes and delivers everything published before this call, including a batch already being written. */
  flush(): Promise<void>;
  currentSeq(topic: LiveTopic): Promise<number>;
  /** Stops timers and flushes what is queued; the io server is the caller's to close. */
  close(): Promise<void>;
  stats(): LiveHubStats;
}

/** Starts the live push on `io.of('/live')`. */
export function createLiveHub(deps: LiveHubDeps): LiveHub {
  const { io, log } = deps;
  const nsp = io.of(LIVE_NAMESPACE);
  // The embedded engine is single-node: its deltas need no trip through the database.
  const repo = deps.db.engine === 'pglite' ? createMemoryDeltaLog(deps.db) : createDeltaLogRepository(deps.db);
  const retention = deps.retention ?? { maxDeltasPerTopic: 5000, maxAgeMs: 6 * 3600_000 };
  const counters = { deltasFlushed: 0, itemsFlushed: 0, remoteDeltas: 0, gapSkips: 0, flushErrors: 0 };
  const refused = { count: 0 };

  const guard = new BackpressureGuard({
    maxBufferedPackets: deps.maxBufferedPackets ?? 200,
    maxBufferedBytes: deps.maxBufferedBytes ?? 8 * 1024 * 1024,
    hardCap: deps.hardCap ?? { packets: 2000, bytes: 32 * 1024 * 1024 },
    lookup: (id) => nsp.sockets.get(id),
    onResume: (id, topics) => fanout.resync(id, topics),
  });
  const reorder = new ReorderBuffer({
    deliver: (delta) => fanout.deliver(delta),
    fetchRange: (topic, after, to) => repo.range(topic, after, to),
    onSkip: (topic, from, to) => {
      counters.gapSkips++;
      log.warn({ topic, from, to }, 'live: deltas missing from the log, subscribers resync');
      fanout.resyncTopic(topic);
    },
    gapTimeoutMs: deps.gapTimeoutMs,
    log,
  });
  const fanout = new Fanout(nsp, guard, (topic) => reorder.lastDelivered(topic));

  const ready = repo.currentSeqs().then((seqs) => {
    for (const t of LIVE_TOPICS) reorder.init(t, seqs[t]);
  });
  ready.catch((err: unknown) => log.error({ err }, 'live: cannot read the sequence table'));

  const onRemoteDelta = (delta: LiveDelta) => {
    if (!delta || !LIVE_TOPICS.includes(delta.topic) || !Number.isInteger(delta.seq) || !Array.isArray(delta.items)) return;
    counters.remoteDeltas++;
    ready.then(() => reorder.push(delta)).catch((err: unknown) => log.error({ err, topic: delta.topic }, 'live: forwarded delta not delivered'));
  };
  nsp.on('live:delta', onRemoteDelta);
  nsp.use(authMiddleware(deps.verifyToken, log));
  nsp.use(limitSocketsPerUser(deps.maxSocketsPerUser ?? 20, () => refused.count++));
  const snapshot = shareSnapshots(deps.snapshot);
  const answers = pLimit(deps.concurrentAnswers ?? 16);
  const onConnection = (socket: LiveSocket) => {
    writeSharedFrames(socket.conn);
    registerLiveHandlers(socket, { fanout, ready, log, repo, snapshot, answers, maxReplayDeltas: deps.maxReplayDeltas ?? 1000 });
    socket.on('disconnect', () => fanout.remove(socket.id));
  };
  nsp.on('connection', onConnection);

  const pending = new Map<LiveTopic, unknown[]>();
  const chains = new Map<LiveTopic, Promise<void>>();
  const flushIntervalMs = deps.flushIntervalMs ?? 50;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  // One chain per topic keeps this node's deltas of a topic in seq order.
  const flushTopic = (topic: LiveTopic, items: unknown[]): Promise<void> => {
    const run = (chains.get(topic) ?? ready).then(async () => {
      const seq = await repo.append(topic, items);
      counters.deltasFlushed++;
      counters.itemsFlushed += items.length;
      const delta = { topic, seq, items } as LiveDelta;
      if (isClustered(io)) nsp.serverSideEmit('live:delta', delta);
      reorder.push(delta);
    });
    const settled = run.catch((err: unknown) => {
      counters.flushErrors++;
      log.error({ err, topic, items: items.length }, 'live: delta not written, its items reach clients on their next snapshot');
    });
    chains.set(topic, settled);
    return settled;
  };

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = [...pending];
    pending.clear();
    for (const [topic, items] of batch) void flushTopic(topic, latestPerId(items));
    // A batch the timer took just before this call may still be writing: wait for it as well.
    await Promise.all(chains.values());
  };

  const pruneTimer = setInterval(() => {
    repo.prune(retention).then(
      (n) => n > 0 && log.debug({ deleted: n }, 'live: pruned the delta log'),
      (err: unknown) => log.warn({ err }, 'live: pruning the delta log failed'),
    );
  }, retention.pruneIntervalMs ?? 60_000);
  pruneTimer.unref();

  return {
    ready,
    publish(topic, items) {
      if (closed || items.length === 0) return;
      let queue = pending.get(topic);
      if (!queue) pending.set(topic, (queue = []));
      for (const item of items) queue.push(item);
      if (!timer) timer = setTimeout(() => void flush(), flushIntervalMs);
    },
    flush,
    currentSeq: (topic) => repo.currentSeq(topic),
    async close() {
      closed = true;
      clearInterval(pruneTimer);
      await flush();
      reorder.close();
      guard.close();
      nsp.off('live:delta', onRemoteDelta);
      nsp.off('connection', onConnection);
    },
    stats: () => ({
      clients: nsp.sockets.size,
      subscriptions: fanout.subscriptionCount(),
      pendingItems: [...pending.values()].reduce((n, q) => n + q.length, 0),
      ...counters,
      ...fanout.counters,
      droppedToResync: guard.droppedCount,
      resyncsSent: guard.resyncCount,
      disconnectedOverCap: guard.overCapCount,
      refusedConnections: refused.count,
    }),
  };
}

/**
 * Within one batch only the newest state of an item matters (items are upserted by `id`
 * on the client): a case that moved twice in one window goes out once, in its latest form.
 */
function latestPerId(items: unknown[]): unknown[] {
  const byId = new Map<unknown, unknown>();
  for (const item of items) {
    const id = (item as { id?: unknown }).id ?? item;
    byId.delete(id);
    byId.set(id, item);
  }
  return byId.size === items.length ? items : [...byId.values()];
}
