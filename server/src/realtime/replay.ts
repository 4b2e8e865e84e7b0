import type { LiveTopic, TopicItems, TopicSubscription } from '../../../shared/contracts/live.js';
import type { DeltaLogRepository } from './delta-log.repository.js';
import { performance } from 'node:perf_hooks';
import { filterItems, scopeDelta, scopeKey, type Scope } from './subscriptions.js';
import type { SharedSnapshotFn } from './snapshot-share.js';
import { PreEncoded } from './pre-encoded.js';

/** Reads the current state of a topic for a scope (districts `null` = everything). */
export type SnapshotFn = <T extends LiveTopic>(topic: T, districts: string[] | null) => Promise<TopicItems[T][]>;

/** What a subscribe needs to answer one topic. */
export interface ReplayDeps {
  repo: DeltaLogRepository;
  snapshot: SharedSnapshotFn;
  /** More missed deltas than this are answered with a snapshot instead. */
  maxReplayDeltas: number;
}

/**
 * The per-topic part of a subscribe ack at `seq` (the head read before this call):
 * exactly the deltas after `since` when the log still holds all of them, nothing new when
 * the client is current, otherwise (no `since`, pruned, or a `since` from the future, as after
 * a database reset) a snapshot read after `seq`, so it holds at least everything up to `seq`.
 */
export async function answerTopic<T extends LiveTopic>(topic: T, seq: number, since: number | undefined, scope: Scope, deps: ReplayDeps): Promise<TopicSubscription<T>> {
  const headReadAt = performance.now();
  if (since !== undefined && since === seq) return { seq, missed: [] };
  if (since !== undefined && since < seq && seq - since <= deps.maxReplayDeltas) {
    const missed = await deps.repo.range(topic, since, seq);
    if (missed.length === seq - since) {
      return { seq, missed: missed.map((d) => scopeDelta(d, scope)) as TopicSubscription<T>['missed'] };
    }
  }
  const items = await deps.snapshot(topic, scope === null ? null : [...scope], headReadAt);
  // Serializes as the items array: see encodedSnapshot.
  return { seq, snapshot: encodedSnapshot(topic, items, scope) as unknown as TopicItems[T][] };
}

/** Each shared snapshot read's items, per scope, filtered and wrapped to be encoded once. */
const encoded = new WeakMap<object, Map<string, PreEncoded>>();

/**
 * A snapshot as its subscribers receive it: filtered to the scope — the snapshot source is
 * trusted to scope, but a scoped client must never see a foreign item — and encoded once for
 * every subscriber that shares the read (snapshot-share.ts).
 */
function encodedSnapshot<T extends LiveTopic>(topic: T, items: TopicItems[T][], scope: Scope): PreEncoded {
  const byScope = encoded.get(items) ?? new Map<string, PreEncoded>();
  encoded.set(items, byScope);
  const key = scopeKey(scope);
  let out = byScope.get(key);
  if (!out) byScope.set(key, (out = new PreEncoded(filterItems(topic, items, scope))));
  return out;
}
