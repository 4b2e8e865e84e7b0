import type { Db } from '../store/db.js';
import { LIVE_TOPICS, type LiveDelta, type LiveTopic } from '../../../shared/contracts/live.js';

/** Durable per-topic sequence and the log of deltas kept for exact replay. */
export interface DeltaLogRepository {
  /** Allocates the next seq of `topic` and stores the delta, in one transaction. */
  append(topic: LiveTopic, items: readonly unknown[]): Promise<number>;
  currentSeq(topic: LiveTopic): Promise<number>;
  currentSeqs(): Promise<Record<LiveTopic, number>>;
  /** Deltas with `afterSeq < seq <= toSeq`, in seq order (fewer when some were pruned). */
  range(topic: LiveTopic, afterSeq: number, toSeq: number): Promise<LiveDelta[]>;
  /** Deletes deltas beyond `maxDeltasPerTopic` behind the head or older than `maxAgeMs`. */
  prune(opts: { maxDeltasPerTopic: number; maxAgeMs: number }): Promise<number>;
}

/** The delta log over the `live_seq` and `live_deltas` tables. */
export function createDeltaLogRepository(db: Db): DeltaLogRepository {
  return {
    append: (topic, items) =>
      db.transaction(async (tx) => {
        // The row lock on live_seq serialises writers of a topic across nodes, so commit order is seq order.
        const { rows } = await tx.query<{ seq: unknown }>('update live_seq set seq = seq + 1 where topic = $1 returning seq', [topic]);
        if (!rows[0]) throw new Error(`live_seq has no row for topic ${topic}`);
        const seq = Number(rows[0].seq);
        await tx.query('insert into live_deltas (topic, seq, items) values ($1, $2, $3::json)', [topic, seq, JSON.stringify(items)]);
        return seq;
      }),

    async currentSeq(topic) {
      const { rows } = await db.query<{ seq: unknown }>('select seq from live_seq where topic = $1', [topic]);
      return rows[0] ? Number(rows[0].seq) : 0;
    },

    async currentSeqs() {
      const { rows } = await db.query<{ topic: string; seq: unknown }>('select topic, seq from live_seq');
      const out = Object.fromEntries(LIVE_TOPICS.map((t) => [t, 0])) as Record<LiveTopic, number>;
      for (const r of rows) if ((LIVE_TOPICS as readonly string[]).includes(r.topic)) out[r.topic as LiveTopic] = Number(r.seq);
      return out;
    },

    async range(topic, afterSeq, toSeq) {
      if (toSeq <= afterSeq) return [];
      const { rows } = await db.query<{ seq: unknown; items: unknown }>('select seq, items from live_deltas where topic = $1 and seq > $2 and seq <= $3 order by seq', [topic, afterSeq, toSeq]);
      return rows.map((r) => ({
        topic,
        seq: Number(r.seq),
        items: (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as LiveDelta['items'],
      }));
    },

    async prune({ maxDeltasPerTopic, maxAgeMs }) {
      const byCount = await db.query<{ n: unknown }>(
        `with gone as (
           delete from live_deltas d using live_seq s
           where d.topic = s.topic and d.seq <= s.seq - $1
           returning 1)
         select count(*) as n from gone`,
        [maxDeltasPerTopic],
      );
      const byAge = await db.query<{ n: unknown }>(
        `with gone as (
           delete from live_deltas where created_at < now() - ($1::double precision * interval '1 millisecond')
           returning 1)
         select count(*) as n from gone`,
        [maxAgeMs],
      );
      return Number(byCount.rows[0]?.n ?? 0) + Number(byAge.rows[0]?.n ?? 0);
    },
  };
}
