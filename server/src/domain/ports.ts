import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import type { GridEventInput, GridCase, CaseSource, CaseStatus } from '../../../shared/schemas/grid-event.js';
import type { AlertParsed } from '../../../shared/schemas/alert.js';
import type { ObservationInput } from '../../../shared/schemas/observation.js';
import type { IndicatorInput } from '../../../shared/schemas/indicator.js';
import type { Role } from '../../../shared/auth/policy.js';
import type { Queryable } from '../store/db.js';

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
  /** Only cases dispatched to this named handler. */
  assignee?: string;
  /** Only cases of this department. */
  department?: string;
  /** Only cases formally supervised (督办), or only those not. */
  supervised?: boolean;
  /** Text anywhere in the title, description or address (case-insensitive). */
  q?: string;
  /** Sort key: report time (default) or deadline. */
  sort?: 'reported' | 'deadline';
  /** Default: newest report first, soonest deadline first. */
  order?: 'asc' | 'desc';
  reportedFrom?: string;
  reportedTo?: string;
  /** Unit-grid cells (the cases' `grid_cell`), e.g. the children of a heatmap cell. */
  cells?: string[];
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

/** A person acting through the API: the signed-in user and where the request came from. */
export interface Actor {
  username: string;
  role: Role;
  districts: string[] | null;
  /** The client's address as the server saw it (`req.ip`), when known. */
  ip?: string | null;
}

/**
 * One row of the audit log (CONTRACT.md → Audit). `action` is a dotted name
 * (`auth.login`, `auth.login_failed`, `alert.acknowledge`, `case.<action>`, `user.create`,
 * `key.revoke`, `ingest.use` …); `detail` carries what changed (`before`, `after`) and
 * anything else an auditor needs.
 */
export interface AuditEntry {
  actor: string;
  role: string;
  action: string;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/**
 * The append-only, hash-chained audit log. `append` runs inside the caller's transaction, so
 * a change and its audit row commit or roll back together.
 */
export interface AuditLog {
  append(q: Queryable, entry: AuditEntry): Promise<void>;
}
