import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AlertDrawer from '../../../../../client/src/desk/alerts/AlertDrawer.vue';
import type { AlertDetail } from '../../../../../client/src/desk/alerts/alert-detail.js';
import { i18n } from '../../../../../client/src/i18n/index.js';
import { useAlertsStore } from '../../../../../client/src/stores/streams.js';
import { useReferenceStore } from '../../../../../client/src/stores/reference.js';
import { useSessionStore } from '../../../../../client/src/stores/session.js';
import { alert } from '../../fixtures/shell-items.js';
import { yangjiang } from '../../map/fixtures.js';
import { json, settle } from './fakes.js';

const T0 = '2026-11-22T00:00:00.000Z'; // 08:00 on the China clock
const CAP_ACK =
  '<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>ack-1</identifier><msgType>Ack</msgType><references>qxt-441700@gd.cma.gov.cn,cap-r,2026-11-22T08:00:00+08:00</references><note>已通知三防办</note></alert>';

function detail(over: Partial<AlertDetail> = {}): AlertDetail {
  return {
    ...alert('r', {
      level: 'orange',
      sender: 'qxt-441700@gd.cma.gov.cn',
      sourceId: 'GD-2026/11 typhoon',
      headline: '阳江市台风橙色预警',
      description: '预计未来 12 小时内阳江市将受台风影响。',
      instruction: '停止户外作业，船只回港避风。',
      districts: ['441702', '441704'],
      sent: T0,
      state: 'acknowledged',
      escalation: 1,
      acknowledgedBy: 'duty',
      acknowledgedAt: '2026-11-22T00:12:00.000Z',
      ackComment: '已通知三防办',
    }),
    history: [
      { at: T0, kind: 'received', actor: null },
      {
        at: '2026-11-22T00:04:00.000Z',
        kind: 'updated',
        actor: 'qxt-441700@gd.cma.gov.cn',
        changes: [
          { field: 'level', from: 'yellow', to: 'orange' },
          { field: 'expires', from: null, to: '2026-11-22T12:00:00.000Z' },
          { field: 'districts', from: ['441702'], to: ['441702', '441704'] },
          { field: 'areas', from: { names: ['江城区'], points: 0 }, to: { names: ['江城区', '阳东区'], points: 120 } },
        ],
      },
      { at: '2026-11-22T00:10:00.000Z', kind: 'escalated', actor: null, step: 1 },
      { at: '2026-11-22T00:12:00.000Z', kind: 'acknowledged', actor: 'duty', comment: '已通知三防办' },
    ],
    ...over,
  };
}

let pinia: Pinia;
let wrapper: VueWrapper | null = null;
let fetch: ReturnType<typeof vi.fn>;

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  useReferenceStore().city = yangjiang();
  const session = useSessionStore();
  session.token = 'tok';
  session.user = { username: 'duty', role: 'duty', districts: null };
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Serves the alert and its CAP Ack as the server would. */
function serve(a: AlertDetail): void {
  fetch = vi.fn(async (url: string) => (url.endsWith('/cap-ack') ? new Response(CAP_ACK, { headers: { 'content-type': 'application/cap+xml' } }) : json(a)));
  vi.stubGlobal('fetch', fetch);
}

async function mountDrawer(a: AlertDetail) {
  serve(a);
  wrapper = mount(AlertDrawer, { props: { id: a.id }, global: { plugins: [pinia, i18n] } });
  await settle();
  await nextTick();
  return wrapper;
}

describe('AlertDrawer', () => {
  it('shows the alert in full: sender by name, instruction, districts, escalation and the acknowledgement', async () => {
    const w = await mountDrawer(detail());
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/alerts/r');
    expect(w.get('[data-testid="drawer-sender"]').text()).toBe('阳江市气象台');
    expect(w.text()).toContain('阳江市台风橙色预警');
    expect(w.text()).toContain('防御指南');
    expect(w.text()).toContain('停止户外作业，船只回港避风。');
    expect(w.text()).toContain('江城区、阳东区');
    expect(w.get('[data-testid="drawer-escalation"]').text()).toContain('第 1/3 级');
    expect(w.get('[data-testid="drawer-ack"]').text()).toContain('已通知三防办');
  });

  it('renders the history: received, what an update changed (from → to), escalation step, acknowledgement', async () => {
    const w = await mountDrawer(detail());
    const items = w.findAll('[data-testid="alert-history"] > li');
    expect(items.map((li) => li.attributes('data-kind'))).toEqual(['received', 'updated', 'escalated', 'acknowledged']);
    expect(items[0]!.text()).toContain('收到预警');
    expect(items[0]!.text()).toContain('系统');
    expect(items[1]!.text()).toContain('级别：黄色 → 橙色');
    expect(items[1]!.text()).toMatch(/失效时间：（空） → (11-22 )?20:00/);
    expect(items[1]!.text()).toContain('涉及区县：江城区 → 江城区、阳东区');
    expect(items[1]!.text()).toContain('影响区域：江城区 → 江城区、阳东区');
    expect(items[1]!.text()).toContain('阳江市气象台');
    expect(items[1]!.text()).not.toContain('qxt-441700');
    expect(items[2]!.text()).toContain('升级至第 1 级');
    expect(items[3]!.text()).toContain('duty');
    expect(items[3]!.text()).toContain('已通知三防办');
  });

  it('shows the CAP Ack pretty-printed, fetched with the bearer token', async () => {
    const w = await mountDrawer(detail());
    await w.get('[data-testid="cap-ack-toggle"]').trigger('click');
    await settle();
    await nextTick();
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/alerts/r/cap-ack');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok');
    const xml = w.get('[data-testid="cap-ack-xml"]').text();
    expect(xml).toContain('\n  <msgType>Ack</msgType>');
    expect(xml).toContain('<references>qxt-441700@gd.cma.gov.cn,cap-r,2026-11-22T08:00:00+08:00</references>');
  });

  it('downloads the CAP Ack as a file named after the alert, of type application/cap+xml', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:ack'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const w = await mountDrawer(detail());
    await w.get('[data-testid="cap-ack-download"]').trigger('click');
    await settle();
    expect(names).toEqual(['ack-GD-2026_11_typhoon.xml']);
    expect(blobs[0]!.type).toBe('application/cap+xml');
    expect(await blobs[0]!.text()).toBe(CAP_ACK);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:ack');
  });

  it('offers no CAP Ack for an alert not yet acknowledged, and shows its next escalation step', async () => {
    const w = await mountDrawer(detail({ state: 'active', sent: new Date().toISOString(), acknowledgedBy: null, acknowledgedAt: null, ackComment: null, escalation: 0, history: [] }));
    expect(w.find('[data-testid="cap-ack"]').exists()).toBe(false);
    expect(w.text()).toContain('待签收');
    expect(w.get('[data-testid="drawer-escalation"]').text()).toMatch(/^第 0\/3 级 · 下一级 \d\d:\d\d$/);
    expect(w.text()).toContain('暂无记录');
  });

  it('reloads when the live stream changes the open alert, and closes on request', async () => {
    const w = await mountDrawer(detail());
    const store = useAlertsStore();
    store.applyDelta([alert('r', { updatedAt: '2026-11-22T00:20:00.000Z' })]);
    await nextTick();
    store.applyDelta([alert('r', { updatedAt: '2026-11-22T00:21:00.000Z' })]);
    await nextTick();
    await settle();
    expect(fetch.mock.calls.filter(([u]) => u === '/api/v1/alerts/r')).toHaveLength(2);
    await w.get('[data-testid="drawer-close"]').trigger('click');
    expect(w.emitted('close')).toHaveLength(1);
  });

  it('speaks English', async () => {
    i18n.global.locale.value = 'en';
    const w = await mountDrawer(detail());
    expect(w.text()).toContain('Instructions');
    expect(w.text()).toContain('Level: Yellow → Orange');
    expect(w.text()).toContain('Escalated to step 1');
    expect(w.get('[data-testid="drawer-sender"]').text()).toBe('Yangjiang Meteorological Observatory');
  });
});
