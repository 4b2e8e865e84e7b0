import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../shared/auth/policy.js';
import AppNav from '../../../../client/src/components/AppNav.vue';
import { i18n } from '../../../../client/src/i18n/index.js';
import { createAppRouter } from '../../../../client/src/router.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import { useSessionStore } from '../../../../client/src/stores/session.js';
import { yangjiang } from '../map/fixtures.js';

vi.mock('../../../../client/src/views/ScreenView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/AdminView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/DeskView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/GridView.vue', () => ({ default: { render: () => null } }));

let pinia: Pinia;
beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  useReferenceStore().city = yangjiang();
});

/** AppNav for `role` on `at`, in a client that has `/screen`, `/desk`, `/grid`, `/admin`, less the routes named in `without`. */
async function mountNav(role: Role, opts: { at?: string; kiosk?: boolean; user?: boolean; compact?: boolean; without?: string[] } = {}) {
  const session = useSessionStore();
  session.token = 'header.payload.sig';
  session.user = { username: role, role, districts: role === 'grid' ? ['441702'] : null };
  const router = createAppRouter(pinia);
  for (const name of opts.without ?? []) router.removeRoute(name);
  await router.push(opts.at ?? '/screen');
  const w = mount(AppNav, { props: { kiosk: opts.kiosk ?? false, user: opts.user ?? true, compact: opts.compact ?? false }, global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { w, router };
}

const menu = (w: Awaited<ReturnType<typeof mountNav>>['w']) => w.findAll('[data-testid="page-menu"] a').map((a) => [a.attributes('href'), a.text()]);

describe('AppNav: the pages each role may open', () => {
  it.each([
    [
      'leader',
      [
        ['/screen', '态势大屏'],
        ['/grid', '网格工作台'],
        ['/warnings', '预警签发'],
        ['/handover', '值班日报'],
      ],
    ],
    [
      'duty',
      [
        ['/screen', '态势大屏'],
        ['/desk', '值班台'],
        ['/grid', '网格工作台'],
        ['/handover', '值班日报'],
      ],
    ],
    [
      'grid',
      [
        ['/screen', '态势大屏'],
        ['/desk', '值班台'],
        ['/grid', '网格工作台'],
      ],
    ],
    [
      'admin',
      [
        ['/screen', '态势大屏'],
        ['/desk', '值班台'],
        ['/grid', '网格工作台'],
        ['/admin', '系统管理'],
        ['/warnings', '预警签发'],
        ['/handover', '值班日报'],
      ],
    ],
  ] as const)('%s sees %j (no menu for a single page)', async (role, expected) => {
    const { w } = await mountNav(role);
    expect(menu(w)).toEqual(expected);
    expect(w.find('[data-testid="page-menu"]').exists()).toBe(expected.length > 0);
    w.unmount();
  });

  it('lists only the pages this client has a route for, in the policy order', async () => {
    const { w } = await mountNav('admin');
    expect(menu(w).map(([href]) => href)).toEqual(['/screen', '/desk', '/grid', '/admin', '/warnings', '/handover']);
    w.unmount();
    const noGrid = await mountNav('admin', { without: ['grid'] });
    expect(menu(noGrid.w).map(([href]) => href)).toEqual(['/screen', '/desk', '/admin', '/warnings', '/handover']);
    noGrid.w.unmount();
  });

  it('marks the current page and goes to another on a click, in both languages', async () => {
    const { w, router } = await mountNav('admin', { at: '/admin' });
    expect(w.get('[data-page="/admin"]').attributes('aria-current')).toBe('page');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(menu(w)).toEqual([
      ['/screen', 'City wall'],
      ['/desk', 'Duty desk'],
      ['/grid', 'Grid desk'],
      ['/admin', 'Administration'],
      ['/warnings', 'Sign-off'],
      ['/handover', 'Shift reports'],
    ]);
    await w.get('[data-page="/screen"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/screen');
    w.unmount();
  });

  it('shows the user menu (name, role, districts, sign-out) on every page', async () => {
    const { w } = await mountNav('grid', { at: '/desk' });
    expect(w.get('[data-testid="user-name"]').text()).toBe('grid');
    expect(w.get('[data-testid="user-role"]').text()).toBe('网格管理员 · 江城区');
    expect(w.get('[data-testid="sign-out"]').text()).toBe('退出登录');
    w.unmount();
  });

  it('hides the page menu on a kiosk wall, keeping the hidden user menu', async () => {
    const { w } = await mountNav('admin', { kiosk: true });
    expect(w.find('[data-testid="page-menu"]').exists()).toBe(false);
    expect(w.get('[data-testid="user-menu"]').classes()).toContain('kiosk');
    w.unmount();
  });

  it('leaves the user menu out where the page places it itself (the wall)', async () => {
    const { w } = await mountNav('admin', { user: false });
    expect(w.find('[data-testid="user-menu"]').exists()).toBe(false);
    expect(w.findAll('[data-testid="page-menu"] a')).toHaveLength(6);
    w.unmount();
  });

  it('folds the menu into one button naming the current page on the wall (compact), which opens the list and closes on a choice', async () => {
    const { w, router } = await mountNav('leader', { compact: true });
    const folded = w.get<HTMLDetailsElement>('details[data-testid="page-menu"]');
    expect(w.get('[data-testid="page-menu-open"]').text()).toBe('态势大屏');
    expect(folded.element.open).toBe(false);
    expect(menu(w).map(([href]) => href)).toEqual(['/screen', '/grid', '/warnings', '/handover']);
    folded.element.open = true;
    await w.get('[data-page="/grid"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/grid');
    expect(folded.element.open).toBe(false);
    w.unmount();
  });
});
