import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { ref } from 'vue';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { i18n } from '../../../../client/src/i18n/index.js';
import { createAppRouter } from '../../../../client/src/router.js';
import { useSessionStore, type SessionUser } from '../../../../client/src/stores/session.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import ScreenHeader from '../../../../client/src/components/ScreenHeader.vue';
import { LIVE_SOURCE } from '../../../../client/src/services/live-source.js';
import { yangjiang } from '../map/fixtures.js';

// The header's connection light reads the page's live source (provided below); the screen behind the route is not under test.
vi.mock('../../../../client/src/views/ScreenView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/AdminView.vue', () => ({ default: { render: () => null } }));
vi.mock('../../../../client/src/views/DeskView.vue', () => ({ default: { render: () => null } }));

let pinia: Pinia;
beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  useReferenceStore().city = yangjiang();
});
afterEach(() => vi.useRealTimers());

async function mountHeader(user: SessionUser, kiosk = false) {
  const session = useSessionStore();
  session.token = 'header.payload.sig';
  session.user = user;
  localStorage.setItem('cockpit.session', JSON.stringify({ token: session.token, user }));
  const router = createAppRouter(pinia);
  await router.push('/screen');
  const w = mount(ScreenHeader, {
    props: { themes: [{ id: 'overview', titleKey: 'themes.overview' }], index: 0, status: 'rotating', kiosk, mode: 'real', drillActive: false },
    global: { plugins: [pinia, i18n, router], provide: { [LIVE_SOURCE as symbol]: { state: ref('live') } } },
    attachTo: document.body,
  });
  return { w, router, session };
}

const grid: SessionUser = { username: 'grid', role: 'grid', districts: ['441702'] };

describe('ScreenHeader: who is watching (issue 10 #13, #17)', () => {
  it("titles a scoped viewer's wall with its district", async () => {
    const { w } = await mountHeader(grid);
    expect(w.get('.city-name').text()).toBe('阳江市 · 江城区');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(w.get('.city-name').text()).toBe('Yangjiang · Jiangcheng District');
    w.unmount();
  });

  it("titles a city-wide viewer's wall with the city alone", async () => {
    const { w } = await mountHeader({ username: 'leader', role: 'leader', districts: null });
    expect(w.get('.city-name').text()).toBe('阳江市');
    expect(w.get('[data-testid="user-role"]').text()).toBe('市领导 · 全市');
    w.unmount();
  });

  it("shows the user's name, role and districts, in both languages", async () => {
    const { w } = await mountHeader(grid);
    expect(w.get('[data-testid="user-name"]').text()).toBe('grid');
    expect(w.get('[data-testid="user-role"]').text()).toBe('网格管理员 · 江城区');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(w.get('[data-testid="user-role"]').text()).toBe('Grid administrator · Jiangcheng District');
    expect(w.get('[data-testid="sign-out"]').text()).toBe('Sign out');
    w.unmount();
  });

  it('signs out: the session is cleared (memory and storage) and the login page shown', async () => {
    const { w, router, session } = await mountHeader(grid);
    await w.get('[data-testid="sign-out"]').trigger('click');
    await flushPromises();
    expect(session.token).toBeNull();
    expect(session.user).toBeNull();
    expect(localStorage.getItem('cockpit.session')).toBeNull();
    expect(router.currentRoute.value.name).toBe('login');
    w.unmount();
  });

  it('keeps the sign-out out of sight on a kiosk wall until Alt+Shift+U reveals and focuses it', async () => {
    const { w } = await mountHeader(grid, true);
    const menu = w.get('[data-testid="user-menu"]');
    expect(menu.classes()).toContain('kiosk');
    expect(menu.classes()).not.toContain('revealed');
    window.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyU', altKey: true, shiftKey: true }));
    await flushPromises();
    expect(menu.classes()).toContain('revealed');
    expect(document.activeElement).toBe(w.get('[data-testid="sign-out"]').element);
    w.unmount();
  });

  it('gives a role with more than one page the page menu, and a kiosk wall none', async () => {
    const admin: SessionUser = { username: 'admin', role: 'admin', districts: null };
    const { w } = await mountHeader(admin);
    expect(w.findAll('[data-testid="page-menu"] a').map((a) => a.text())).toEqual(['态势大屏', '值班台', '网格工作台', '系统管理', '预警签发', '值班日报']);
    expect(w.findAll('[data-testid="user-menu"]')).toHaveLength(1);
    w.unmount();
    const kiosk = await mountHeader(admin, true);
    expect(kiosk.w.find('[data-testid="page-menu"]').exists()).toBe(false);
    kiosk.w.unmount();
    const leader = await mountHeader({ username: 'leader', role: 'leader', districts: null });
    // Leaders read the grid workspace too (issue 12), so their wall has the menu with both pages.
    expect(leader.w.findAll('[data-testid="page-menu"] a').map((a) => a.text())).toEqual(['态势大屏', '网格工作台', '预警签发', '值班日报']);
    leader.w.unmount();
  });
});
