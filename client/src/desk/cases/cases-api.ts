import type { CaseTimelineEntry, GridCase } from '../../../../shared/schemas/grid-event.js';
import { api, ApiError } from '../../services/api.js';
import type { DeskAction } from './case-actions.js';

/** `GET /api/v1/incidents/:id`: the case, its timeline and its possible duplicates. */
export interface CaseDetail {
  case: GridCase;
  timeline: CaseTimelineEntry[];
  related: GridCase[];
}

/** What an action sends (`POST /api/v1/incidents/:id/actions`); `version` is the case's as the desk shows it. */
export interface ActionBody {
  action: DeskAction;
  version: number;
  note?: string;
  department?: string;
  assignee?: string;
  photoUrl?: string;
  dueAt?: string;
  masterId?: string;
}

/** Who changed the case last, as a 409 names it. */
export interface ChangedBy {
  actor: string;
  at: string;
  action?: string;
}

/** An action's outcome: done, or refused because the case moved on (409 `conflict`) with the case as it is now. */
export type ActionOutcome = { ok: true; case: GridCase } | { ok: false; conflict: { case: GridCase; changedBy: ChangedBy | null } };

export interface NearbyItem {
  /** `resource` or `camera` (the kinds asked for). */
  kind: string;
  id: string;
  name: string;
  type?: string;
  lon: number;
  lat: number;
  distanceM: number;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  case?: GridCase;
  error?: { code: string; message: string };
}

const incident = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

/** The case whole; `related` may be missing from a server older than the desk (then: none known). */
export async function fetchCase(id: string): Promise<CaseDetail> {
  const d = await api<Partial<CaseDetail> & Pick<CaseDetail, 'case' | 'timeline'>>(incident(id));
  return { ...d, related: d.related ?? [] };
}

/** Sends one action; a stale version comes back as a conflict to show, any other refusal is thrown (ApiError). */
export async function sendAction(id: string, body: ActionBody): Promise<ActionOutcome> {
  try {
    const res = await api<{ case: GridCase }>(`${incident(id)}/actions`, { method: 'POST', body: JSON.stringify(body) });
    return { ok: true, case: res.case };
  } catch (error) {
    const b = error instanceof ApiError && error.status === 409 && error.code === 'conflict' ? (error.body as { case?: GridCase; changedBy?: ChangedBy } | null) : null;
    if (b?.case) return { ok: false, conflict: { case: b.case, changedBy: b.changedBy ?? null } };
    throw error;
  }
}

/** One action on a selection (`POST /api/v1/incidents/actions`): each case on its own version, each answered on its own. */
export async function sendBulk(action: DeskAction, cases: readonly GridCase[], extra: Omit<ActionBody, 'action' | 'version'> = {}): Promise<BulkResult[]> {
  const items = cases.map((c) => ({ id: c.id, version: c.version }));
  const res = await api<{ results: BulkResult[] }>('/api/v1/incidents/actions', { method: 'POST', body: JSON.stringify({ action, items, ...extra }) });
  return res.results;
}

/** Resources and cameras within `radius` metres of a place, nearest first (a server query). */
export const fetchNearby = (lon: number, lat: number, radius: number) => api<{ items: NearbyItem[]; radius: number }>(`/api/v1/nearby?lon=${lon}&lat=${lat}&radius=${radius}&kinds=resources,cameras`);
