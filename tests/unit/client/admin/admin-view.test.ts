import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AdminView from '../../../../client/src/views/AdminView.vue';
import { ADMIN_TABS, tabsFor } from '../../../../client/src/admin/tabs.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { createAppRouter } from '../../../../client/src/router.js';
import { adminSession, fakeApi } from './fixtures.js';

vi.mock('../../../../client/src/views/ScreenView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/DeskView.vue', () => ({ default: { render: () => null } }));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function openAdmin(at = '/admin') {
  fakeApi({
    'GET /api/v1/admin/users': { body: { items: [] } },
    'GET /api/v1/admin/keys': { body: { items: [] } },
    'GET /api/v1/audit': { body: { items: [], nextCursor: null } },
  });
  const pinia = adminSession();
  const router = createAppRouter(pinia);
  await router.push(at);
  const w = mount(AdminView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { w, router };
}

const tabs = (w: Awaited<ReturnType<typeof openAdmin>>['w']) => w.findAll('[role="tab"]');

describe('/admin', () => {
  it('gives an admin the five tabs, each only with its permission', () => {
    expect(tabsFor({ role: 'admin' }).map((t) => t.id)).toEqual(['users', 'keys', 'audit', 'health', 'webhooks', 'roster']);
    for (const role of ['leader', 'duty', 'grid']) expect(tabsFor({ role }), role).toEqual([]);
    expect(ADMIN_TABS.map((t) => t.permission)).toEqual(['users:manage', 'keys:manage', 'audit:read', 'system:health', 'webhooks:manage', 'roster:manage']);
  });

  it('opens the users tab first, with the page menu and the user menu in its header', async () => {
    const { w } = await openAdmin();
    expect(tabs(w).map((t) => t.text())).toEqual(['用户', '接入密钥', '审计日志', '系统状态', '推送订阅', '值班表']);
    expect(tabs(w)[0]!.attributes('aria-selected')).toBe('true');
    expect(w.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe('tab-users');
    expect(w.find('[data-testid="users-table"]').exists()).toBe(true);
    expect(w.get('[data-testid="user-name"]').text()).toBe('admin');
    expect(w.findAll('[data-testid="page-menu"] a').map((a) => a.attributes('href'))).toEqual(['/screen', '/desk', '/grid', '/admin', '/warnings', '/handover']);
  });

  it('moves between tabs with the arrow keys (one tab stop) and keeps the tab in the address', async () => {
    const { w, router } = await openAdmin();
    expect(tabs(w).map((t) => t.attributes('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1', '-1']);
    await tabs(w)[0]!.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(router.currentRoute.value.query.tab).toBe('keys');
    expect(document.activeElement).toBe(tabs(w)[1]!.element);
    expect(w.find('[data-testid="keys-table"]').exists()).toBe(true);
    await tabs(w)[1]!.trigger('keydown', { key: 'ArrowLeft' });
    await tabs(w)[0]!.trigger('keydown', { key: 'ArrowLeft' });
    await flushPromises();
    expect(router.currentRoute.value.query.tab).toBe('roster');
    await tabs(w)[4]!.trigger('keydown', { key: 'Home' });
    await flushPromises();
    expect(router.currentRoute.value.query.tab).toBe('users');
  });

  it('opens the tab the address names', async () => {
    const { w } = await openAdmin('/admin?tab=audit');
    expect(w.get('[aria-selected="true"]').text()).toBe('审计日志');
    expect(w.find('[data-testid="audit-filters"]').exists()).toBe(true);
  });
});
