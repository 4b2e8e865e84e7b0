/**
 * The permission policy of CONTRACT.md, defined once for the server (routes, socket
 * handlers, the domain) and the client (router guards, menus): the roles, what each may read
 * and do, the district rule, and each role's landing page. docs/API.md → Roles and
 * permissions renders the same table for people.
 */
import type { CaseAction } from '../domain/lifecycle.js';

/** The roles of CONTRACT.md; the only place the role union is written. */
export const ROLES = ['leader', 'duty', 'grid', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Everything a user may read or do. `case:<action>` is one lifecycle step
 * (shared/domain/lifecycle.ts names them and the state machine); non-human actors
 * (integrations, automation) are allowed there, not here.
 */
export const PERMISSIONS = [
  'streams:read',
  'case:register',
  'case:reject',
  'case:dispatch',
  'case:start',
  'case:feedback',
  'case:close',
  'case:send_back',
  'case:evaluate',
  'alerts:acknowledge',
  'drills:command',
  'evaluation:read',
  'audit:read',
  'users:manage',
  'keys:manage',
  'system:health',
] as const satisfies readonly string[];
export type Permission = (typeof PERMISSIONS)[number];

/** A lifecycle step as a permission (a new CaseAction fails to compile until it is listed above). */
export function casePermission(action: CaseAction): Permission {
  return `case:${action}`;
}

const CASE_WORK: readonly Permission[] = ['case:register', 'case:reject', 'case:start', 'case:feedback'];
const CASE_COMMAND: readonly Permission[] = ['case:dispatch', 'case:close', 'case:send_back', 'case:evaluate'];

/**
 * What each role may do. Why: a leader (领导) watches the city and the evaluation and takes
 * no action; a duty officer (值班员) runs the command centre: every case step, alerts and
 * drills; a grid administrator (网格员) verifies and handles cases and acknowledges alerts
 * in its own districts, but neither dispatches, closes nor commands drills; an
 * administrator may do everything, accounts and keys included.
 */
export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  leader: ['streams:read', 'evaluation:read'],
  duty: ['streams:read', ...CASE_WORK, ...CASE_COMMAND, 'alerts:acknowledge', 'drills:command', 'evaluation:read'],
  grid: ['streams:read', ...CASE_WORK, 'alerts:acknowledge'],
  admin: PERMISSIONS,
};

/** What a permission lets one do, for refusals ("role grid may not start or end drills"). */
export const PERMISSION_TEXT: Readonly<Record<Permission, string>> = {
  'streams:read': 'read the city streams',
  'case:register': 'register a case',
  'case:reject': 'reject a case',
  'case:dispatch': 'dispatch a case',
  'case:start': 'start a case',
  'case:feedback': 'feedback a case',
  'case:close': 'close a case',
  'case:send_back': 'send_back a case',
  'case:evaluate': 'evaluate a case',
  'alerts:acknowledge': 'acknowledge alerts',
  'drills:command': 'start or end drills',
  'evaluation:read': 'read the evaluation',
  'audit:read': 'read the audit log',
  'users:manage': 'manage users',
  'keys:manage': 'manage ingest keys',
  'system:health': 'read the system health',
};

/** Whether `role` is one of {@link ROLES} (a token or a row may carry anything). */
export function isRole(role: unknown): role is Role {
  return (ROLES as readonly unknown[]).includes(role);
}

/** Whether `user` may do `permission`; false for no user and for any non-human actor. */
export function can(user: { role: string } | null | undefined, permission: Permission): boolean {
  return !!user && isRole(user.role) && GRANTS[user.role].includes(permission);
}

/** Where each role lands after sign-in (CONTRACT.md); the client falls back to `/screen` until a page exists. */
export const LANDING: Readonly<Record<Role, string>> = { leader: '/screen', duty: '/desk', grid: '/grid', admin: '/admin' };
