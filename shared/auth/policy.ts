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
  'case:supervise',
  'case:merge',
  'alerts:acknowledge',
  'drills:command',
  'resources:dispatch',
  'plans:command',
  'evaluation:read',
  'audit:read',
  'users:manage',
  'keys:manage',
  'system:health',
  'warnings:read',
  'warnings:draft',
  'warnings:approve',
  'webhooks:manage',
  'roster:manage',
  'handover:read',
  'handover:write',
] as const satisfies readonly string[];
export type Permission = (typeof PERMISSIONS)[number];

/** A lifecycle step as a permission (a new CaseAction fails to compile until it is listed above). */
export function casePermission(action: CaseAction): Permission {
  return `case:${action}`;
}

const CASE_WORK: readonly Permission[] = ['case:register', 'case:reject', 'case:start', 'case:feedback'];
const CASE_COMMAND: readonly Permission[] = ['case:dispatch', 'case:close', 'case:send_back', 'case:evaluate', 'case:supervise', 'case:merge'];
/** 值班值守: a leader reads the handover reports of the shifts it leads; a duty officer also drafts, submits and signs them (the roster itself is roster:manage, an administrator's). */
const HANDOVER_READ: readonly Permission[] = ['handover:read'];
const HANDOVER_WORK: readonly Permission[] = ['handover:read', 'handover:write'];

/**
 * What each role may do. Why: a leader (领导) watches the city and the evaluation and takes
 * no action but one: as 带班领导 it signs out (审核签发) the warnings duty officers draft; a
 * duty officer (值班员) runs the command centre: every case step, alerts and drills,
 * supervising (督办) and merging duplicates, starts and follows the response plans (结构化预案),
 * dispatches rescue resources (指挥调度) and drafts warnings; a grid administrator (网格员)
 * verifies and handles cases and acknowledges alerts
 * in its own districts and reads the heatmap and evaluation of them (/grid), but neither
 * dispatches, closes, supervises, merges nor commands drills; only duty officers and
 * administrators dispatch rescue resources (指挥调度), which every role may read; an
 * administrator may do everything, accounts and keys included.
 */
export const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  leader: [
    'streams:read',
    'evaluation:read',
    'warnings:read',
    'warnings:approve', // 带班领导 signs warnings out (审核签发)
    ...HANDOVER_READ,
  ],
  duty: [
    'streams:read',
    ...CASE_WORK,
    ...CASE_COMMAND,
    'alerts:acknowledge',
    'drills:command',
    'evaluation:read',
    'warnings:read',
    'warnings:draft', // drafts warnings; another person approves them
    'plans:command',
    'resources:dispatch',
    ...HANDOVER_WORK,
  ],
  grid: ['streams:read', ...CASE_WORK, 'alerts:acknowledge', 'evaluation:read'],
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
  'case:supervise': 'supervise a case (督办)',
  'case:merge': 'merge a duplicate case',
  'alerts:acknowledge': 'acknowledge alerts',
  'drills:command': 'start or end drills',
  'resources:dispatch': 'dispatch rescue resources (指挥调度)',
  'plans:command': 'start, move, tick or end response plans',
  'evaluation:read': 'read the evaluation',
  'audit:read': 'read the audit log',
  'users:manage': 'manage users',
  'keys:manage': 'manage ingest keys',
  'system:health': 'read the system health',
  'warnings:read': 'read the warnings published out',
  'warnings:draft': 'draft warnings to publish',
  'warnings:approve': 'approve or send back warnings (审核签发)',
  'webhooks:manage': 'manage webhook receivers',
  'roster:manage': 'manage the duty roster',
  'handover:read': 'read the handover reports',
  'handover:write': 'submit or sign handover reports',
};

/** Whether `role` is one of {@link ROLES} (a token or a row may carry anything). */
export function isRole(role: unknown): role is Role {
  return (ROLES as readonly unknown[]).includes(role);
}

/** Whether `user` may do `permission`; false for no user and for any non-human actor. */
export function can(user: { role: string } | null | undefined, permission: Permission): boolean {
  return !!user && isRole(user.role) && GRANTS[user.role].includes(permission);
}

/** A page of the client and the permission opening it takes. */
export interface Page {
  path: string;
  permission: Permission;
}

/**
 * The pages of CONTRACT.md and what each needs; the client's router guards and its page menu
 * read this list (only the pages whose route the client has). Why these: the wall is for
 * everyone who reads the city; the desk is where alerts are acknowledged and cases worked,
 * so a leader (who takes no action) has no desk; `/grid` (heatmaps and the evaluation) shows
 * a grid worker its own districts and leaders, duty officers and administrators any district
 * (the server scopes the answers); `/admin` runs accounts; `/warnings` is where a 带班领导 signs
 * warnings out; `/handover` lists the filed shift reports (值班日报) and prints each, for the
 * leaders who read them without a desk as for the officers who write them.
 */
export const PAGES = [
  { path: '/screen', permission: 'streams:read' },
  { path: '/desk', permission: 'alerts:acknowledge' },
  { path: '/grid', permission: 'streams:read' },
  { path: '/admin', permission: 'users:manage' },
  { path: '/warnings', permission: 'warnings:approve' },
  { path: '/handover', permission: 'handover:read' },
] as const satisfies readonly Page[];
export type PagePath = (typeof PAGES)[number]['path'];

/** The pages `user` may open, in menu order. */
export function pagesFor(user: { role: string } | null | undefined): Page[] {
  return PAGES.filter((p) => can(user, p.permission));
}

/** Where each role lands after sign-in (CONTRACT.md). */
export const LANDING: Readonly<Record<Role, PagePath>> = { leader: '/screen', duty: '/desk', grid: '/grid', admin: '/admin' };
