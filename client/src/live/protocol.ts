import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import type { PackedItems } from '../../../shared/contracts/packed.js';

/**
 * The messages between the page and its live worker (`live.worker.ts`). The worker owns the
 * Socket.IO connection: it receives and decodes every frame, keeps the seq bookkeeping, and
 * posts the page only what its stores must apply — for the busy case stream, just the fields
 * that changed. See docs/ARCHITECTURE.md ("The big screen").
 */

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * Topics the worker sends as {@link TopicPatch}es: it keeps a copy of every item and posts only
 * what changed. Their stores key items by `id` (see `TopicState.applyPatch`).
 */
export const PATCHED_TOPICS: readonly LiveTopic[] = ['grid'];

/**
 * One delta of a patched topic. `added`: items the page does not hold yet, whole (as plain
 * objects: the browser builds them faster and smaller than from packed rows). `changed`: items
 * it holds, in packed groups (`shared/contracts/packed.ts`) by which fields changed, each row
 * the id and the new values, repeated strings such as a status sent once per group so the
 * page shares one string instead of building one per case (a group with only `id` holds
 * items sent again unchanged). Items of a patched topic always carry every field.
 */
export interface TopicPatch<T> {
  added: T[];
  changed: PackedItems[];
}

/** Page → worker. */
export type ToLink =
  /** Open the connection with `token`, or hand an open one a new token. */
  | { type: 'connect'; token: string; namespace: string; topics: readonly LiveTopic[] }
  /** Close the connection and forget every seq (the next connect starts from snapshots). */
  | { type: 'disconnect' };

/** Worker → page, in the order the page must apply them. */
export type FromLink =
  | { type: 'state'; state: ConnectionState }
  | { [K in LiveTopic]: { type: 'snapshot'; topic: K; items: TopicItems[K][] } }[LiveTopic]
  | { [K in LiveTopic]: { type: 'delta'; topic: K; items: TopicItems[K][] } }[LiveTopic]
  | { [K in LiveTopic]: { type: 'patch'; topic: K; patch: TopicPatch<TopicItems[K]> } }[LiveTopic];
