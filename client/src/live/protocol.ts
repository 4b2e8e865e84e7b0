import type { FeatureCollection } from 'geojson';
import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import type { CaseTrendHour, HourlyStats } from '../../../shared/contracts/stats.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';
import type { DataMode } from '../stores/topic-store.js';
import type { CategoryScope } from '../model/aggregates/category-counts.js';
import type { QueueFilter, QueueSort, StageCounts } from '../model/cases/case-queue.js';
import type { SourceUpdate } from '../model/geo/source-differ.js';

/**
 * The messages between the page and its live worker (`live.worker.ts`). The worker owns the
 * Socket.IO connection: it receives and decodes every frame and keeps the seq bookkeeping.
 * The small streams reach the page's stores as items; the case stream ({@link HELD_TOPICS})
 * stays in the worker, which keeps every case and posts the page only *views* of them — what
 * a map layer draws, what a chart shows — so the page holds no per-case objects at all. See
 * docs/ARCHITECTURE.md ("The big screen").
 */

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The case stream: its items are held in the worker's case book (live/cases/case-book.ts). */
export const CASE_TOPIC = 'grid' satisfies LiveTopic;
/** Topics whose items stay in the worker; the page watches views of them. */
export const HELD_TOPICS = [CASE_TOPIC] as const satisfies readonly LiveTopic[];
export type HeldTopic = (typeof HELD_TOPICS)[number];
const held: ReadonlySet<LiveTopic> = new Set(HELD_TOPICS);
/** Whether a topic's items stay in the worker (else they go to the page's stores). */
export const isHeldTopic = (topic: LiveTopic): topic is HeldTopic => held.has(topic);
/** Topics whose items reach the page's stores. */
export type PageTopic = Exclude<LiveTopic, HeldTopic>;

/** South-west and north-east corners: [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** What a view shows: each kind reads one partition of the cases. */
export type ViewSpec =
  /** The cases layer: clusters and points inside `bbox` at `zoom` (clustered in the worker). */
  | { kind: 'case-map'; mode: DataMode; bbox: BBox; zoom: number; clusterRadius: number; clusterMaxZoom: number }
  /** The density layer: open cases per H3 cell. */
  | { kind: 'case-hex'; mode: DataMode; resolution: number }
  /** Open (or overdue) cases per unit grid cell; the `limit` busiest (a district's ranking one level down). */
  | { kind: 'case-cells'; mode: DataMode; status: 'open' | 'overdue'; limit: number }
  /** Cases per category: reported today, or open; the `limit` largest. */
  | { kind: 'case-categories'; mode: DataMode; scope: CategoryScope; limit: number }
  /** Reported and closed cases per hour: the server's statistics, advanced live. */
  | { kind: 'case-trend'; mode: DataMode; hours: number; seed: HourlyStats<CaseTrendHour> }
  /** The desk's case queue: filtered, searched and sorted in the worker; only rows `offset` … `offset + limit - 1` are posted. */
  | { kind: 'case-queue'; mode: DataMode; filter: QueueFilter; sort: QueueSort; offset: number; limit: number };
export type ViewKind = ViewSpec['kind'];

/** A GeoJSON source's data: a whole collection first (and after a snapshot), then updates. */
export type SourceData = { reset: FeatureCollection; update?: undefined } | { reset?: undefined; update: SourceUpdate };

/** What a view posts: the first time at once, then whenever it changed, at most once a second (a prompt view: at once). */
export interface ViewData {
  /** `total`: cases in the partition (the layer's count). */
  'case-map': SourceData & { total: number };
  /** `max`: the busiest cell's count (the colour scale); `total`: cells drawn. */
  'case-hex': SourceData & { max: number; total: number };
  'case-categories': { group: string; count: number }[];
  /** `at`: where one of the cell's cases is, to name the cell after a landmark. */
  'case-cells': { cell: string; count: number; at: { lon: number; lat: number } }[];
  'case-trend': { hour: number; reported: number; closed: number }[];
  /**
   * A window of the sorted queue: its cases' ids in order (`ids[0]` is at position `offset`),
   * and of its cases only those the last post did not carry as they are now (every one after a
   * new spec) — the page keeps the others; the queue's length and the per-stage counts.
   */
  'case-queue': { offset: number; ids: string[]; changed: GridCase[]; total: number; counts: StageCounts };
}

/** One-off questions about held data. */
export type Query =
  /** A case whole (a popup), or null when the worker does not hold it. */
  | { kind: 'case'; id: string }
  /** The zoom at which a cluster of a `case-map` view falls apart, or null. */
  | { kind: 'cluster-zoom'; view: number; clusterId: number };
export interface Answers {
  case: GridCase | null;
  'cluster-zoom': number | null;
}

/** How much a held topic holds, and when it last spoke: the page's freshness and drill switch. */
export interface HeldSummary {
  /** When each source of the stream last spoke (ms since epoch), as `TopicState.lastHeard`. */
  heard: Record<string, number>;
  sizes: Record<DataMode, number>;
}

/** Page → worker. */
export type ToLink =
  /** Open the connection with `token`, or hand an open one a new token. */
  | { type: 'connect'; token: string; namespace: string; topics: readonly LiveTopic[] }
  /** Close the connection and forget every seq (the next connect starts from snapshots). */
  | { type: 'disconnect' }
  /** Start view `view` (a number the page chose), or replace its spec (a moved map, a new seed). */
  | { type: 'watch'; view: number; spec: ViewSpec }
  | { type: 'unwatch'; view: number }
  | { type: 'ask'; req: number; query: Query };

/** Worker → page, in the order the page must apply them. */
export type FromLink =
  | { type: 'state'; state: ConnectionState }
  | { [K in PageTopic]: { type: 'snapshot'; topic: K; items: TopicItems[K][] } }[PageTopic]
  | { [K in PageTopic]: { type: 'delta'; topic: K; items: TopicItems[K][] } }[PageTopic]
  | { type: 'summary'; topic: HeldTopic; summary: HeldSummary }
  | { [K in ViewKind]: { type: 'view'; view: number; kind: K; data: ViewData[K] } }[ViewKind]
  | { type: 'answer'; req: number; data: Answers[Query['kind']] };
