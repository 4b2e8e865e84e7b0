import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { nextTick } from 'vue';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import UnacknowledgedNotice from '../../../../client/src/components/UnacknowledgedNotice.vue';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useAlertsStore } from '../../../../client/src/stores/streams.js';
import { alert } from '../fixtures/shell-items.js';

const T0 = Date.parse('2026-11-22T08:00:00Z');
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const notice = '[data-testid="unacknowledged-notice"]';

let pinia: Pinia;
// The shared clock's interval is created under fake timers, so advancing them moves the wall.
beforeAll(() => vi.useFakeTimers({ now: T0 }));
afterAll(() => vi.useRealTimers());
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
});

const mountNotice = (mode: 'real' | 'drill') => mount(UnacknowledgedNotice, { props: { mode }, global: { plugins: [pinia, i18n] } });

describe('UnacknowledgedNotice', () => {
  it('appears once a red alert waits past its limit, counts the minutes live, and leaves on acknowledgement', async () => {
    const w = mountNotice('real');
    const alerts = useAlertsStore();
    alerts.applyDelta([alert('r', { level: 'red', headline: '台风红色预警', raisedAt: ago(4) })]);
    await nextTick();
    expect(w.find(notice).exists()).toBe(false);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(w.get(notice).text()).toContain('未签收 红色预警 5 分钟');
    expect(w.get(notice).text()).toContain('台风红色预警');
    expect(w.get(notice).text()).toContain('已升级 1/3 级');

    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(w.get(notice).text()).toContain('未签收 红色预警 7 分钟');

    alerts.applyDelta([alert('r', { level: 'red', raisedAt: ago(7), state: 'acknowledged', acknowledgedAt: ago(0), acknowledgedBy: 'duty' })]);
    await nextTick();
    expect(w.find(notice).exists()).toBe(false);
  });

  it('shows the longest-waiting of several with +k, in English too', async () => {
    const w = mountNotice('real');
    useAlertsStore().applyDelta([
      alert('a', { level: 'red', headline: 'newer', raisedAt: ago(6) }),
      alert('b', { level: 'orange', headline: 'older', raisedAt: ago(12) }),
      alert('c', { level: 'yellow', raisedAt: ago(12) }), // within its 20-minute limit
      alert('d', { level: 'blue', raisedAt: ago(1), escalation: 1 }), // the server escalated it already
    ]);
    await nextTick();
    expect(w.get(notice).attributes('data-alert-id')).toBe('b');
    expect(w.get(notice).text()).toContain('未签收 橙色预警 12 分钟');
    expect(w.get(notice).text()).toContain('+2');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(w.get(notice).text()).toContain('Unacknowledged orange warning · 12 min');
  });

  it('keeps drill and real apart and marks the drill', async () => {
    const real = mountNotice('real');
    const drill = mountNotice('drill');
    useAlertsStore().applyDelta([alert('x', { level: 'red', exercise: true, raisedAt: ago(9) })]);
    await nextTick();
    expect(real.find(notice).exists()).toBe(false);
    expect(drill.get(notice).text()).toContain('演练 · 未签收 红色预警 9 分钟');
  });
});
