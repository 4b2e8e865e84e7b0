import { describe, expect, it } from 'vitest';
import { can, casePermission, GRANTS, isRole, LANDING, PAGES, pagesFor, PERMISSIONS, PERMISSION_TEXT, ROLES, type Permission, type Role } from '../../../../shared/auth/policy.js';
import { CASE_ACTIONS, mayTake, type CaseAction } from '../../../../shared/domain/lifecycle.js';

/**
 * The policy as a table: one row per permission, one column per role (leader, duty, grid,
 * admin). Written out by hand so that any change to GRANTS shows up here as a diff.
 */
const MATRIX: Record<Permission, [leader: boolean, duty: boolean, grid: boolean, admin: boolean]> = {
  'streams:read': [true, true, true, true],
  'case:register': [false, true, true, true],
  'case:reject': [false, true, true, true],
  'case:dispatch': [false, true, false, true],
  'resources:dispatch': [false, true, false, true],
  'case:start': [false, true, true, true],
  'case:feedback': [false, true, true, true],
  'case:close': [false, true, false, true],
  'case:send_back': [false, true, false, true],
  'case:evaluate': [false, true, false, true],
  'case:supervise': [false, true, false, true],
  'case:merge': [false, true, false, true],
  'alerts:acknowledge': [false, true, true, true],
  'drills:command': [false, true, false, true],
  'plans:command': [false, true, false, true],
  'evaluation:read': [true, true, true, true],
  'audit:read': [false, false, false, true],
  'users:manage': [false, false, false, true],
  'keys:manage': [false, false, false, true],
  'system:health': [false, false, false, true],
  'warnings:read': [true, true, false, true],
  'warnings:draft': [false, true, false, true],
  'warnings:approve': [true, false, false, true],
  'webhooks:manage': [false, false, false, true],
  'roster:manage': [false, false, false, true],
  'handover:read': [true, true, false, true],
  'handover:write': [false, true, false, true],
};

describe('permission policy', () => {
  it('has one row per permission and one column per role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
    expect(ROLES).toEqual(['leader', 'duty', 'grid', 'admin']);
  });

  const cells = PERMISSIONS.flatMap((p) => ROLES.map((role, i) => ({ role, permission: p, allowed: MATRIX[p][i]! })));
  it.each(cells)('$role may $permission: $allowed', ({ role, permission, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
  });

  it('grants nothing to no user, an unknown role or a machine actor', () => {
    for (const p of PERMISSIONS) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p)).toBe(false);
      for (const role of ['source', 'system', 'root', '', 'Admin']) expect(can({ role }, p), `${role} ${p}`).toBe(false);
    }
  });

  it('grants only known permissions, each once', () => {
    for (const role of ROLES) {
      expect(new Set(GRANTS[role]).size, role).toBe(GRANTS[role].length);
      for (const p of GRANTS[role]) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });

  it('explains every permission for refusals', () => {
    for (const p of PERMISSIONS) expect(PERMISSION_TEXT[p].length, p).toBeGreaterThan(0);
  });

  it('recognises exactly the four roles', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const bad of ['source', 'system', 'ADMIN', null, undefined, 1]) expect(isRole(bad)).toBe(false);
  });

  it('lands each role on its own page', () => {
    expect(LANDING).toEqual({ leader: '/screen', duty: '/desk', grid: '/grid', admin: '/admin' } satisfies Record<Role, string>);
  });

  it('lets each role open exactly its pages, its landing page among them', () => {
    const paths = (role: Role) => pagesFor({ role }).map((p) => p.path);
    expect(paths('leader')).toEqual(['/screen', '/grid', '/warnings', '/handover']);
    expect(paths('duty')).toEqual(['/screen', '/desk', '/grid', '/handover']);
    expect(paths('grid')).toEqual(['/screen', '/desk', '/grid']);
    expect(paths('admin')).toEqual(PAGES.map((p) => p.path));
    for (const role of ROLES) expect(paths(role), role).toContain(LANDING[role]);
    expect(pagesFor(null)).toEqual([]);
    expect(pagesFor({ role: 'source' })).toEqual([]);
  });
});

describe('case actions and the policy', () => {
  const actions = Object.keys(CASE_ACTIONS) as CaseAction[];

  it('names one permission per lifecycle action, 督办 and merge included', () => {
    expect(actions.map(casePermission).sort()).toEqual(PERMISSIONS.filter((p) => p.startsWith('case:')).sort());
  });

  it('lets a user role take a step exactly when the policy grants it', () => {
    for (const role of ROLES) for (const a of actions) expect(mayTake(role, a), `${role} ${a}`).toBe(can({ role }, casePermission(a)));
  });

  it('lets machine actors take only their listed steps: a sending system reports its own 返工 and 督办, the system never sends back', () => {
    expect(actions.filter((a) => mayTake('source', a))).toEqual(['register', 'reject', 'dispatch', 'start', 'feedback', 'close', 'send_back', 'evaluate', 'supervise']);
    expect(actions.filter((a) => mayTake('system', a))).toEqual(['register', 'reject', 'dispatch', 'evaluate']);
  });
});
