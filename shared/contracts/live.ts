import { z } from 'zod';
import { adcode } from '../schemas/common.js';
import type { GridCase } from '../schemas/grid-event.js';
import type { Alert } from '../schemas/alert.js';
import type { Observation } from '../schemas/observation.js';
import type { Indicator } from '../schemas/indicator.js';
import type { DrillSession } from '../schemas/drill.js';
import type { Assignment } from '../schemas/dispatch.js';
import type { PlanActivation } from '../schemas/plan.js';
import type { VitalSigns } from './kpi.js';
import type { PackedItems } from './packed.js';
import type { Role } from '../auth/policy.js';

/** Socket.IO namespace of the live push. */
export const LIVE_NAMESPACE = '/live';

export const liveTopic = z.enum(['grid', 'alerts', 'env', 'economy', 'kpi', 'drills', 'plans', 'dispatch']);
export type LiveTopic = z.infer<typeof liveTopic>;
export const LIVE_TOPICS = liveTopic.options;

/** What each topic's deltas and snapshots carry. Items are upserted by `id` on the client. */
export interface TopicItems {
  grid: GridCase;
  alerts: Alert;
  env: Observation;
  economy: Indicator;
  kpi: VitalSigns;
  /** Drill sessions: a snapshot holds the open ones; a delta the started or ended one. */
  drills: DrillSession;
  /** Rescue resources dispatched: a snapshot holds the active assignments and those finished in the last 12 hours; a delta the changed ones. */
  dispatch: Assignment;
  /** Response plan activations (结构化预案): a snapshot holds the proposed and running ones; a delta the changed one. */
  plans: PlanActivation;
}
export type TopicItem<T extends LiveTopic = LiveTopic> = TopicItems[T];

/** How `live:delta` pushes carry their items: `items` (the default) or `packed` (column-wise, see {@link PackedItems}). */
export const deltaEncoding = z.enum(['items', 'packed']);
export type DeltaEncoding = z.infer<typeof deltaEncoding>;

/** Payload of `live:subscribe`. `since` maps a topic to the last seq the client saw. */
export const subscribeRequest = z.object({
  topics: z.array(liveTopic).min(1),
  districts: z.array(adcode).optional(),
  since: z.partialRecord(liveTopic, z.number().int().nonnegative()).optional(),
  encoding: deltaEncoding.optional(),
});
export type SubscribeRequest = z.infer<typeof subscribeRequest>;

/** Per-topic answer: the current seq, and either a snapshot or the exact deltas missed. */
export interface TopicSubscription<T extends LiveTopic = LiveTopic> {
  seq: number;
  snapshot?: TopicItems[T][];
  missed?: LiveDelta<T>[];
}
export interface SubscribeResult {
  topics: { [T in LiveTopic]?: TopicSubscription<T> };
}

/** One push of `live:delta`; `seq` rises by one per delta of a topic. */
export interface LiveDelta<T extends LiveTopic = LiveTopic> {
  topic: T;
  seq: number;
  items: TopicItems[T][];
}

/** A delta pushed to a subscriber that asked for `encoding: 'packed'`: the same items, column-wise. */
export interface PackedLiveDelta<T extends LiveTopic = LiveTopic> {
  topic: T;
  seq: number;
  packed: PackedItems;
}

/**
 * What a `packed` subscriber receives as `live:delta`: packed, or plain when the delta's items
 * do not share one set of keys.
 */
export type WireDelta = LiveDelta | PackedLiveDelta;

/** Sent when a client fell too far behind to be fed; it re-subscribes with `since`. */
export interface LiveResync {
  topics: LiveTopic[];
}

export interface ErrorBody {
  code: string;
  message: string;
}

/** The acknowledgement union of every client → server command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Events the server emits to clients (that did not ask for `packed`). */
export interface ServerToClientEvents {
  'live:delta': (delta: LiveDelta) => void;
  'live:resync': (msg: LiveResync) => void;
}

/** Events the server emits, in either encoding; what a client that asks for `packed` receives. */
export interface ServerToClientWireEvents extends ServerToClientEvents {
  'live:delta': (delta: WireDelta) => void;
}

/** Events clients emit to the server. */
export interface ClientToServerEvents {
  'live:subscribe': (req: SubscribeRequest, ack: (res: Ack<SubscribeResult>) => void) => void;
  'live:unsubscribe': (req: { topics: LiveTopic[] }, ack: (res: Ack<{ topics: LiveTopic[] }>) => void) => void;
}

/** Events between server nodes (through the Socket.IO adapter). */
export interface InterServerEvents {
  'live:delta': (delta: LiveDelta) => void;
}

/** Per-socket state the server keeps. */
export interface SocketData {
  user: { username: string; role: Role; districts: string[] | null };
}
