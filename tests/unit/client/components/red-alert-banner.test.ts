import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { nextTick } from 'vue';
import { beforeEach, describe, expect, it } from 'vitest';
import RedAlertBanner from '../../../../client/src/components/RedAlertBanner.vue';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useAlertsStore } from '../../../../client/src/stores/streams.js';
import { alert } from '../fixtures/shell-items.js';

let pinia: Pinia;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
});

const mountBanner = (mode: 'real' | 'drill') => mount(RedAlertBanner, { props: { mode }, global: { plugins: [pinia, i18n] } });
const banner = '[data-testid="red-alert-banner"]';

describe('RedAlertBanner', () => {
  it('appears for a running red alert only, newest first, and leaves when it is cancelled', async () => {
    const w = mountBanner('real');
    const alerts = useAlertsStore();
    alerts.applyDelta([alert('o', { level: 'orange' })]);
    await nextTick();
    expect(w.find(banner).exists()).toBe(false);

    alerts.applyDelta([
      alert('r1', { level: 'red', headline: '台风红色预警', sent: '2026-11-22T08:00:00+08:00' }),
      alert('r2', { level: 'red', headline: '暴雨红色预警', sent: '2026-11-22T09:00:00+08:00', state: 'acknowledged' }),
    ]);
    await nextTick();
    expect(w.get(banner).text()).toContain('红色预警');
    expect(w.get(banner).text()).toContain('暴雨红色预警');
    expect(w.get(banner).text()).toContain('另有 1 条红色预警');

    alerts.applyDelta([alert('r1', { level: 'red', state: 'cancelled' }), alert('r2', { level: 'red', state: 'expired' })]);
    await nextTick();
    expect(w.find(banner).exists()).toBe(false);
  });

  it('keeps drill and real apart, and marks a drill red alert as 演练', async () => {
    const real = mountBanner('real');
    const drill = mountBanner('drill');
    useAlertsStore().applyDelta([alert('d', { level: 'red', exercise: true, headline: '演练台风' })]);
    await nextTick();
    expect(real.find(banner).exists()).toBe(false);
    expect(drill.get(banner).text()).toContain('演练 · 红色预警');
    expect(drill.get(banner).text()).toContain('演练台风');
  });

  it("puts official red warnings first, names their sender, and marks the city's own red notice as such", async () => {
    const w = mountBanner('real');
    const alerts = useAlertsStore();
    alerts.applyDelta([alert('n', { level: 'red', kind: 'notice', sender: 'city-cockpit/env', headline: '某站 空气严重污染', sent: '2026-11-22T10:00:00+08:00' })]);
    await nextTick();
    expect(w.get(banner).attributes('data-kind')).toBe('notice');
    expect(w.get(banner).text()).toContain('红色环境提示');
    expect(w.get(banner).text()).not.toContain('红色预警');

    alerts.applyDelta([alert('w', { level: 'red', sender: 'qxt-441700@gd.cma.gov.cn', senderName: '阳江市气象台', headline: '台风红色预警', sent: '2026-11-22T08:00:00+08:00' })]);
    await nextTick();
    expect(w.get(banner).attributes('data-kind')).toBe('warning');
    expect(w.get(banner).text()).toContain('台风红色预警');
    expect(w.get(banner).text()).toContain('阳江市气象台');
    expect(w.get(banner).text()).not.toContain('qxt-441700');
  });
});
