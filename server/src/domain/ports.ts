import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import type { GridEventInput, GridCase, CaseSource, CaseStatus } from '../../../shared/schemas/grid-event.js';
import type { AlertParsed } from '../../../shared/schemas/alert.js';
import type { ObservationInput } from '../../../shared/schemas/observation.js';
import type { IndicatorInput } from '../../../shared/schemas/indicator.js';

/** What every ingest endpoint answers with `202`. */
export interface IngestResult {
  accepted: number;
  ids: string[];
}

/**
 * The one way data enters the system, whatever the interface (JSON, CAP, CSV, Open311,
 * MQTT). Each call validates against the stored state, stores everything in one
 * transaction or nothing (throwing an AppError), then derives and publishes live deltas.
 */
export interface IngestService {
  gridEvents(items: GridEventInput[]): Promise<IngestResult>;
  alerts(items: AlertParsed[]): Promise<IngestResult>;
  observations(items: ObservationInput[]): Promise<IngestResult>;
  indicators(items: IndicatorInput[]): Promise<IngestResult>;
}

export interface CaseFilter {
  districts?: string[] | null;
  statuses?: CaseStatus[];
  category?: string;
  /** Any of these categories (each case once however often a code is repeated). */
  categories?: string[];
  /** Only cases that came in through this channel. */
  source?: CaseSource;
  reportedFrom?: string;
  reportedTo?: string;
  overdue?: boolean;
  exercise?: boolean;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  limit?: number;
}

/** Reading cases, shared by the incident API and Open311. */
export interface CaseQueries {
  list(filter: CaseFilter): Promise<{ items: GridCase[]; nextCursor: string | null }>;
  get(id: string): Promise<GridCase | null>;
  /** What Open311 shows beyond the case: its photo and, once finished, its closing note. */
  open311Extras(ids: string[]): Promise<Map<string, { mediaUrl: string | null; closingNote: string | null }>>;
}

/** Where derived changes go after a commit: the live hub, and the KPI roll-up. */
export interface ChangeSink {
  publish<T extends LiveTopic>(topic: T, items: TopicItems[T][]): void;
}
