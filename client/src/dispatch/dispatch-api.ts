import type { Resource } from '../../../shared/schemas/city-pack.js';
import type { AssignInput, Assignment, AssignmentState } from '../../../shared/schemas/dispatch.js';
import type { ItemUsage } from '../../../shared/domain/dispatch.js';
import { api } from '../services/api.js';

const BASE = '/api/v1/dispatch';

/** A resource with what it has committed and free in one ledger (`GET /api/v1/dispatch/resources`). */
export type ResourceWithUsage = Resource & { usage: Record<string, ItemUsage> };

/** Assigns a resource to a target (`POST /api/v1/dispatch/assignments`); a refusal is thrown (ApiError, 409 naming the item when short). */
export const assign = (input: AssignInput) => api<Assignment>(`${BASE}/assignments`, { method: 'POST', body: JSON.stringify(input) });

/** Moves an assignment on, or changes its quantity (a shelter's occupancy). */
export const changeAssignment = (id: string, change: { state?: AssignmentState; quantity?: number; note?: string }) =>
  api<Assignment>(`${BASE}/assignments/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(change) });

/** The resources with their committed and free figures, real or a drill's. */
export const fetchResourceUsage = (exercise: boolean) => api<{ items: ResourceWithUsage[] }>(`${BASE}/resources?exercise=${exercise}`);

/** The assignments of one mode, most recently changed first. */
export const fetchAssignments = (exercise: boolean) => api<{ items: Assignment[] }>(`${BASE}/assignments?exercise=${exercise}&limit=500`);
