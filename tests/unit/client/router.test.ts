import { createPinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGES, ROLES, type Role } from '../../../shared/auth/policy.js';
import { createAppRouter, landingPath, routes, safeNext } from '../../../client/src/router.js';
import { useSessionStore } from '../../../client/src/stores/session.js';

// The pages themselves (maps, charts, the console) are not what these tests are about.
vi.mock('../../../client/src/views/ScreenView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/AdminView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/DeskView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/GridView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/GridReportView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/HandoverListView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../client/src/views/HandoverReportView.vue', () => ({ default: { render: () => null } }));

let pinia: Pinia;
beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
});

function signIn(role: Role = 'leader') {
  const session = useSessionStore(pinia);
  session.token = 'header.payload.sig';
  session.user = { username: role, role, districts: role === 'grid' ? ['441702'] : null };
}

describe('router', () => {
  it('sends a signed-out user to the login page, remembering the screen and its query', async () => {
    const router = createAppRouter(pinia);
    await router.push('/screen?kiosk=1&theme=grid');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe('/screen?kiosk=1&theme=grid');
  });

  it('sends a signed-out user at / to the login page without a next, so signing in lands on the role’s own page', async () => {
    const router = createAppRouter(pinia);
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBeUndefined();
    await router.push('/no/such/page');
    expect(router.currentRoute.value.query.next).toBe('/no/such/page');
  });

  it('opens / and unknown paths on the screen for a signed-in user', async () => {
    signIn();
    const router = createAppRouter(pinia);
    await router.push('/');
    expect(router.currentRoute.value.path).toBe('/screen');
    await router.push('/no/such/page');
    expect(router.currentRoute.value.path).toBe('/screen');
  });

  it('takes a signed-in user away from the login page to where they were going', async () => {
    signIn();
    const router = createAppRouter(pinia);
    await router.push('/login?next=%2Fscreen%3Ftheme%3Deconomy');
    expect(router.currentRoute.value.fullPath).toBe('/screen?theme=economy');
  });
});

describe('safeNext', () => {
  it('allows only paths of this app', () => {
    expect(safeNext('/screen?theme=grid')).toBe('/screen?theme=grid');
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', undefined, ['/screen']]) expect(safeNext(bad)).toBe('/');
  });
});

describe('pages and the policy', () => {
  it("guards every signed-in route with its page's permission from the policy's PAGES (a sub-page, /grid/report, with its page's)", () => {
    // A redirect is guarded where it leads.
    for (const r of routes.filter((r) => !r.meta?.public && !r.redirect)) {
      const page = PAGES.find((p) => p.path === r.path || r.path.startsWith(`${p.path}/`));
      expect(page, r.path).toBeDefined();
      expect(r.meta?.permission, r.path).toBe(page!.permission);
    }
  });

  it('opens /admin for an admin only; others land on their own page', async () => {
    signIn('admin');
    let router = createAppRouter(pinia);
    await router.push('/admin');
    expect(router.currentRoute.value.path).toBe('/admin');
    for (const role of ['leader', 'duty', 'grid'] as const) {
      signIn(role);
      router = createAppRouter(pinia);
      await router.push('/admin');
      expect(router.currentRoute.value.path, role).toBe(landingPath(role));
    }
  });
});

describe('the printed handover report', () => {
  it('opens for a leader, who reads reports but has no desk, also from the address it had on the desk', async () => {
    signIn('leader');
    const router = createAppRouter(pinia);
    await router.push('/handover/r1');
    expect(router.currentRoute.value.name).toBe('handover-report');
    await router.push('/desk/handover/r2');
    expect(router.currentRoute.value.fullPath).toBe('/handover/r2');
    await router.push('/handover');
    expect(router.currentRoute.value.name).toBe('handover');
    await router.push('/desk');
    expect(router.currentRoute.value.path).toBe('/screen');
  });

  it('is closed to a grid worker, who does not read handover reports', async () => {
    signIn('grid');
    const router = createAppRouter(pinia);
    await router.push('/handover/r1');
    expect(router.currentRoute.value.path).toBe('/grid');
  });
});

describe('landing pages', () => {
  it('lands each role on its own page when the client has it, else the screen', () => {
    const all = PAGES.map((p) => p.path);
    expect(ROLES.map((r) => landingPath(r, all))).toEqual(['/screen', '/desk', '/grid', '/admin']);
    expect(ROLES.map((r) => landingPath(r, ['/screen']))).toEqual(['/screen', '/screen', '/screen', '/screen']);
    expect(landingPath(undefined, all)).toBe('/screen');
  });

  it('lands on the pages this client has today: a grid worker on /grid', () => {
    expect(landingPath('admin')).toBe('/admin');
    expect(landingPath('leader')).toBe('/screen');
    expect(landingPath('duty')).toBe('/desk');
    expect(landingPath('grid')).toBe('/grid');
  });

  it('opens the desk for a grid worker with the filters in its address', async () => {
    signIn('grid');
    const router = createAppRouter(pinia);
    await router.push('/desk?stage=dispatched');
    expect(router.currentRoute.value.fullPath).toBe('/desk?stage=dispatched');
  });

  it.each(ROLES)('sends a signed-in %s from / and from the login page without next to its landing page', async (role) => {
    signIn(role);
    const router = createAppRouter(pinia);
    await router.push('/');
    expect(router.currentRoute.value.path).toBe(landingPath(role));
    await router.push('/login');
    expect(router.currentRoute.value.path).toBe(landingPath(role));
  });

  it('ends a stale session whose role the policy does not know instead of showing it a page', async () => {
    signIn();
    const session = useSessionStore(pinia);
    session.user = { ...session.user!, role: 'root' as Role };
    const router = createAppRouter(pinia);
    await router.push('/screen');
    expect(router.currentRoute.value.name).toBe('login');
    expect(session.signedIn).toBe(false);
  });
});
