import type { Db } from '../store/db.js';
import type { LiveDelta, LiveTopic } from '../../../shared/contracts/live.js';
import { createDeltaLogRepository, type DeltaLogRepository } from './delta-log.repository.js';

/** How many items a topic's in-memory log may hold; older deltas are answered with a snapshot. */
const MAX_ITEMS_PER_TOPIC = 50_000;

interface Entry {
  delta: LiveDelta;
  at: number;
}

/**
 * The delta log for the embedded engine, which is single-node by construction (one process
 * owns the PGlite data folder): the sequence stays durable in `live_seq`, so clients never see
 * a seq reused across restarts, while the deltas themselves are kept in memory for replay.
 * Writing every delta's items to the database again would cost the embedded engine about as
 * much as storing the data itself. After a restart the log is empty, so a reconnecting client
 * gets a fresh snapshot — the contract's answer for a `since` that is too old.
 */
export function createMemoryDeltaLog(db: Db, opts: { maxItemsPerTopic?: number } = {}): DeltaLogRepository {
  const durable = createDeltaLogRepository(db);
  const maxItems = opts.maxItemsPerTopic ?? MAX_ITEMS_PER_TOPIC;
  const logs = new Map<LiveTopic, { entries: Entry[]; items: number }>();
  let seqs: Promise<Record<LiveTopic, number>> | null = null;
  const current = () => (seqs ??= durable.currentSeqs());
  const logOf = (topic: LiveTopic) => {
    let log = logs.get(topic);
    if (!log) logs.set(topic, (log = { entries: [], items: 0 }));
    return log;
  };
  const dropOldest = (log: { entries: Entry[]; items: number }) => {
    const gone = log.entries.shift();
    if (gone) log.items -= gone.delta.items.length;
  };

  return {
    async append(topic, items) {
      const all = await current();
      const seq = all[topic] + 1;
      await db.query('update live_seq set seq = $2 where topic = $1', [topic, seq]);
      all[topic] = seq;
      const log = logOf(topic);
      log.entries.push({ delta: { topic, seq, items: [...items] } as LiveDelta, at: Date.now() });
      log.items += items.length;
      while (log.items > maxItems && log.entries.length > 1) dropOldest(log);
      return seq;
    },
    currentSeq: async (topic) => (await current())[topic],
    currentSeqs: async () => ({ ...(await current()) }),
    async range(topic, afterSeq, toSeq) {
      return (logs.get(topic)?.entries ?? []).filter((e) => e.delta.seq > afterSeq && e.delta.seq <= toSeq).map((e) => e.delta);
    },
    async prune({ maxDeltasPerTopic, maxAgeMs }) {
      let n = 0;
      const oldest = Date.now() - maxAgeMs;
      for (const log of logs.values()) {
        while (log.entries.length > maxDeltasPerTopic || (log.entries[0] && log.entries[0].at < oldest)) {
          dropOldest(log);
          n++;
        }
      }
      return n;
    },
  };
}
