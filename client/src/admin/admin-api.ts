import type { Role } from '../../../shared/auth/policy.js';
import type { DrillSession } from '../../../shared/schemas/drill.js';
import { api, apiBlob } from '../services/api.js';

/** An account as `GET /api/v1/admin/users` lists it. */
export interface AdminUser {
  username: string;
  role: Role;
  /** The grid worker's adcodes; null for the whole city. */
  districts: string[] | null;
  disabled: boolean;
  createdAt: string;
}

/** What creating an account sends. */
export interface NewUser {
  username: string;
  password: string;
  role: Role;
  districts?: string[];
}

/** What changing an account may send (an admin may not disable or demote itself: 409). */
export type UserChange = Partial<{ role: Role; districts: string[] | null; disabled: boolean }>;

/** An ingest key as listed; the key itself is never listed, only shown once when issued. */
export interface IngestKey {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** One audit row, newest first. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: unknown;
}

/** The audit log's filters (empty fields are left out of the query). */
export interface AuditFilter {
  from: string;
  to: string;
  actor: string;
  action: string;
  target: string;
}

/** `GET /api/v1/admin/health`. */
export interface SystemHealth {
  database: { engine: string; ok: boolean; latencyMs: number | null };
  redis: { configured: boolean; ok: boolean } | null;
  mqtt: { configured: boolean; connected: boolean };
  simulator: { lastIngestAt: string | null; drill: DrillSession | null };
  live: { clients: number };
  uptimeS: number;
  version: string;
}

const ADMIN = '/api/v1/admin';
const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const user = (username: string) => `${ADMIN}/users/${encodeURIComponent(username)}`;

/**
 * The audit query of `filter` (and the page after `cursor`): only the filled fields, `from`
 * and `to` (local date-time inputs) as ISO instants, so the CSV export asks exactly what the
 * table shows.
 */
export function auditQuery(filter: AuditFilter, cursor?: string | null): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter) as [keyof AuditFilter, string][]) {
    const value = v.trim();
    if (value) q.set(k, k === 'from' || k === 'to' ? new Date(value).toISOString() : value);
  }
  if (cursor) q.set('cursor', cursor);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The admin API of docs/API.md → Audit & admin, one function per call. */
export const adminApi = {
  users: () => api<{ items: AdminUser[] }>(`${ADMIN}/users`).then((r) => r.items),
  createUser: (u: NewUser) => api<AdminUser>(`${ADMIN}/users`, json('POST', u)),
  updateUser: (username: string, change: UserChange) => api<AdminUser>(user(username), json('PATCH', change)),
  resetPassword: (username: string, password: string) => api<null>(`${user(username)}/password`, json('POST', { password })),
  keys: () => api<{ items: IngestKey[] }>(`${ADMIN}/keys`).then((r) => r.items),
  issueKey: (name: string) => api<{ id: string; name: string; key: string }>(`${ADMIN}/keys`, json('POST', { name })),
  revokeKey: (id: string) => api<null>(`${ADMIN}/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  audit: (filter: AuditFilter, cursor?: string | null) => api<{ items: AuditRow[]; nextCursor: string | null }>(`/api/v1/audit${auditQuery(filter, cursor)}`),
  auditCsv: (filter: AuditFilter) => apiBlob(`/api/v1/audit.csv${auditQuery(filter)}`),
  health: () => api<SystemHealth>(`${ADMIN}/health`),
};
