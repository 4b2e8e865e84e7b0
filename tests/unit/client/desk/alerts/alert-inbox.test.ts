import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { nextTick } from 'vue';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AlertInbox from '../../../../../client/src/desk/alerts/AlertInbox.vue';
import { useAlertSound } from '../../../../../client/src/desk/alerts/alert-sound.js';
import { i18n } from '../../../../../client/src/i18n/index.js';
import { useAlertsStore } from '../../../../../client/src/stores/streams.js';
import { useReferenceStore } from '../../../../../client/src/stores/reference.js';
import { useSessionStore, type SessionUser } from '../../../../../client/src/stores/session.js';
import { alert } from '../../fixtures/shell-items.js';
import { yangjiang } from '../../map/fixtures.js';
import { FakeAudioContext, json, settle, tones } from './fakes.js';

const T0 = Date.parse('2026-11-22T08:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();
const WEATHER = 'qxt-441700@gd.cma.gov.cn';

let pinia: Pinia;
let wrapper: VueWrapper | null = null;

beforeAll(() => {
  // One fake clock for the file: the app's shared clock keeps the interval it started first.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
beforeEach(() => {
  vi.setSystemTime(T0);
  vi.advanceTimersByTime(1000);
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  useReferenceStore().city = yangjiang();
  signIn({ username: 'duty', role: 'duty', districts: null });
  tones.length = 0;
  useAlertSound().muted.value = false;
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
  vi.stubGlobal('AudioContext', FakeAudioContext);
});

function signIn(user: SessionUser): void {
  const session = useSessionStore();
  session.token = 'tok';
  session.user = user;
}

/** The inbox over a store that has had its first snapshot (the page's state once loaded). */
async function mountInbox(snapshot = [alert('seed', { level: 'blue', sent: iso(T0 - 60_000) })]) {
  useAlertsStore().applySnapshot(snapshot);
  wrapper = mount(AlertInbox, { props: { mode: 'real' }, attachTo: document.body, global: { plugins: [pinia, i18n] } });
  await nextTick();
  return wrapper;
}
const row = (w: VueWrapper, id: string) => w.get(`[data-alert-row="${id}"]`);
const rowIds = (w: VueWrapper) => w.findAll('[data-alert-row]').map((r) => r.attributes('data-alert-row'));

describe('AlertInbox: order and grouping', () => {
  it('groups pending alerts by level with counts, most severe and newest first, official warnings before notices', async () => {
    const w = await mountInbox([
      alert('y1', { level: 'yellow', sent: iso(T0 - 3_600_000) }),
      alert('rn', { level: 'red', kind: 'notice', sender: 'city-cockpit/env', sent: iso(T0) }),
      alert('r1', { level: 'red', sent: iso(T0 - 7_200_000) }),
      alert('r2', { level: 'red', sent: iso(T0 - 60_000) }),
    ]);
    expect(w.findAll('[data-group]').map((g) => g.attributes('data-group'))).toEqual(['red', 'yellow']);
    expect(w.get('[data-group="red"] [data-testid="group-count"]').text()).toBe('3 条');
    expect(rowIds(w)).toEqual(['r2', 'r1', 'rn', 'y1']);
    expect(w.text()).toContain('待签收 4 条');
  });

  it('names the sender and the districts as people call them, never the raw sender id', async () => {
    const w = await mountInbox([alert('r', { level: 'red', sender: WEATHER, senderName: null, districts: ['441702', '441721'] })]);
    const text = row(w, 'r').text();
    expect(text).toContain('阳江市气象台');
    expect(text).toContain('江城区、阳西县');
    expect(text).not.toContain(WEATHER);
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(row(w, 'r').text()).toContain('Yangjiang Meteorological Observatory');
    expect(row(w, 'r').text()).toContain('Jiangcheng District, Yangxi County');
  });
});

describe('AlertInbox: waited time and escalation', () => {
  it('shows how long an alert has waited and its escalation step, live on the shared clock', async () => {
    const w = await mountInbox([alert('r', { level: 'red', sent: iso(T0) })]);
    expect(row(w, 'r').get('[data-testid="escalation"]').text()).toMatch(/已等待 1 秒 · 未升级 · 08:05 升级/);
    vi.advanceTimersByTime(6 * 60_000);
    await nextTick();
    const esc = row(w, 'r').get('[data-testid="escalation"]').text();
    expect(esc).toMatch(/已等待 6 分钟 · 第 1\/3 级升级 · 08:10 升级/);
    expect(esc).toContain('超时未签收');
    expect(row(w, 'r').classes()).toContain('overdue');
    vi.advanceTimersByTime(20 * 60_000);
    await nextTick();
    expect(row(w, 'r').get('[data-testid="escalation"]').text()).toMatch(/第 3\/3 级升级/);
    expect(row(w, 'r').get('[data-testid="escalation"]').text()).not.toContain('08:');
  });
});

describe('AlertInbox: a new alert', () => {
  it('sounds once and flashes until someone looks at it; what was there on load does neither', async () => {
    const w = await mountInbox();
    expect(tones).toEqual([]);
    expect(row(w, 'seed').classes()).not.toContain('flashing');

    useAlertsStore().applyDelta([alert('new', { level: 'orange' })]);
    await nextTick();
    expect(row(w, 'new').classes()).toContain('flashing');
    expect(tones).toHaveLength(3); // orange: three beeps, one pattern

    useAlertsStore().applyDelta([alert('new', { level: 'orange', headline: 'updated' })]);
    await nextTick();
    expect(tones).toHaveLength(3);

    await row(w, 'new').trigger('mouseenter');
    expect(row(w, 'new').classes()).not.toContain('flashing');
  });

  it('sounds a red alert louder and longer than a blue one', async () => {
    await mountInbox();
    useAlertsStore().applyDelta([alert('b', { level: 'blue' })]);
    const blue = tones.splice(0);
    useAlertsStore().applyDelta([alert('r', { level: 'red' })]);
    expect(blue).toHaveLength(1);
    expect(tones.length).toBeGreaterThan(4);
    expect(new Set(tones.map((t) => t.freq)).size).toBe(2);
  });

  it('stops flashing once opened or focused, and opening emits the id', async () => {
    const w = await mountInbox();
    useAlertsStore().applyDelta([alert('a', { level: 'yellow' }), alert('b', { level: 'yellow' })]);
    await nextTick();
    await row(w, 'a').trigger('click');
    expect(w.emitted('open')).toEqual([['a']]);
    expect(row(w, 'a').classes()).not.toContain('flashing');
    await row(w, 'b').trigger('focus');
    expect(row(w, 'b').classes()).not.toContain('flashing');
  });

  it('is silent when muted (the switch is kept on this browser), yet still flashes', async () => {
    const w = await mountInbox();
    useAlertSound().muted.value = true;
    expect(localStorage.getItem('cockpit.desk.alertSoundMuted')).toBe('true');
    useAlertsStore().applyDelta([alert('r', { level: 'red' })]);
    await nextTick();
    expect(tones).toEqual([]);
    expect(row(w, 'r').classes()).toContain('flashing');
  });

  it('treats the first snapshot as the page loading, and a later one (after a reconnect) as news', async () => {
    wrapper = mount(AlertInbox, { props: { mode: 'real' }, global: { plugins: [pinia, i18n] } });
    const store = useAlertsStore();
    store.applySnapshot([alert('old', { level: 'red' })]);
    await nextTick();
    expect(tones).toEqual([]);
    expect(row(wrapper, 'old').classes()).not.toContain('flashing');
    store.applySnapshot([alert('old', { level: 'red' }), alert('missed', { level: 'yellow' })]);
    await nextTick();
    expect(tones).toHaveLength(2);
    expect(row(wrapper, 'missed').classes()).toContain('flashing');
    expect(row(wrapper, 'old').classes()).not.toContain('flashing');
  });
});

describe('AlertInbox: acknowledgement', () => {
  it('requires a comment, posts it, and moves the alert to the collapsed acknowledged section', async () => {
    const acked = alert('r', { level: 'red', state: 'acknowledged', acknowledgedBy: 'duty', acknowledgedAt: iso(T0), ackComment: '已通知三防办' });
    const fetch = vi.fn(async () => json(acked));
    vi.stubGlobal('fetch', fetch);
    const w = await mountInbox([alert('r', { level: 'red' })]);

    await row(w, 'r').get('[data-testid="ack-button"]').trigger('click');
    const dialog = w.get('[data-testid="ack-dialog"]');
    await dialog.trigger('submit');
    expect(dialog.text()).toContain('请填写签收意见');
    await w.get('[data-testid="ack-comment"]').setValue('   ');
    await dialog.trigger('submit');
    expect(fetch).not.toHaveBeenCalled();

    await w.get('[data-testid="ack-comment"]').setValue('已通知三防办');
    await dialog.trigger('submit');
    await settle();
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/alerts/r/ack');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ comment: '已通知三防办' });
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok');

    await nextTick();
    expect(w.find('[data-testid="ack-dialog"]').exists()).toBe(false);
    expect(w.find('[data-group="red"]').exists()).toBe(false);
    expect(w.get('[data-testid="acknowledged-toggle"]').text()).toContain('已签收（1）');
    expect(w.find('[data-alert-row="r"]').exists()).toBe(false);
    await w.get('[data-testid="acknowledged-toggle"]').trigger('click');
    expect(row(w, 'r').text()).toContain('duty');
    expect(row(w, 'r').find('[data-testid="ack-button"]').exists()).toBe(false);
  });

  it('keeps the dialog open and says why when the server refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'not_active', message: 'alert is cancelled, not active' } }, 409)),
    );
    const w = await mountInbox([alert('r', { level: 'red' })]);
    await row(w, 'r').get('[data-testid="ack-button"]').trigger('click');
    await w.get('[data-testid="ack-comment"]').setValue('收到');
    await w.get('[data-testid="ack-dialog"]').trigger('submit');
    await settle();
    expect(w.get('[data-testid="ack-dialog"]').text()).toContain('签收失败：alert is cancelled, not active');
  });

  it('offers acknowledgement only to those who may, and only in their districts', async () => {
    signIn({ username: 'leader', role: 'leader', districts: null });
    let w = await mountInbox([alert('r', { level: 'red', districts: ['441702'] })]);
    expect(w.find('[data-testid="ack-button"]').exists()).toBe(false);
    w.unmount();

    signIn({ username: 'grid', role: 'grid', districts: ['441702'] });
    w = await mountInbox([alert('mine', { level: 'red', districts: ['441702'] }), alert('theirs', { level: 'red', districts: ['441704'] })]);
    expect(row(w, 'mine').find('[data-testid="ack-button"]').exists()).toBe(true);
    expect(row(w, 'theirs').find('[data-testid="ack-button"]').exists()).toBe(false);
  });

  it('finds acknowledged alerts by a search over headline, sender and district', async () => {
    const w = await mountInbox([
      alert('p', { level: 'red', headline: '台风红色预警' }),
      alert('done', { level: 'yellow', headline: '暴雨黄色预警', sender: WEATHER, districts: ['441781'], state: 'acknowledged', acknowledgedBy: 'duty', acknowledgedAt: iso(T0) }),
    ]);
    expect(w.find('[data-alert-row="done"]').exists()).toBe(false);
    for (const q of ['暴雨', '气象台', '阳春']) {
      await w.get('[data-testid="alert-search"]').setValue(q);
      expect(rowIds(w)).toEqual(['done']);
    }
    await w.get('[data-testid="alert-search"]').setValue('nothing-like-this');
    expect(rowIds(w)).toEqual([]);
    expect(w.text()).toContain('无匹配预警');
  });
});

describe('AlertInbox: keyboard', () => {
  it('moves with ↓/j, opens with Enter and acknowledges with a', async () => {
    const w = await mountInbox([alert('r', { level: 'red' }), alert('y', { level: 'yellow' })]);
    const inbox = w.get('[data-testid="alert-inbox"]');
    await inbox.trigger('keydown', { key: 'ArrowDown' });
    expect(row(w, 'r').attributes('aria-selected')).toBe('true');
    await inbox.trigger('keydown', { key: 'j' });
    expect(row(w, 'y').attributes('aria-selected')).toBe('true');
    await inbox.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('open')).toEqual([['y']]);
    await inbox.trigger('keydown', { key: 'a' });
    expect(w.get('[data-testid="ack-dialog"]').text()).toContain('headline y');
    await w.get('[data-testid="ack-dialog"]').trigger('keydown', { key: 'Escape' });
    expect(w.find('[data-testid="ack-dialog"]').exists()).toBe(false);
    expect(document.activeElement).toBe(inbox.element);
    expect(w.text()).toContain('↑/↓ 或 j/k 移动');
  });
});
