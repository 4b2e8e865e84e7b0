import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { defineComponent, h, nextTick } from 'vue';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import WidgetFrame from '../../../../client/src/components/WidgetFrame.vue';
import { i18n } from '../../../../client/src/i18n/index.js';
import type { ResolvedWidget } from '../../../../client/src/screens/schema.js';
import { useEnvStore } from '../../../../client/src/stores/streams.js';
import { defineWidget } from '../../../../client/src/widgets/registry.js';
import { airReading } from '../fixtures/shell-items.js';

const Probe = defineComponent({
  props: { options: { type: Object, required: true }, mode: { type: String, required: true } },
  setup: (props) => () => h('div', { class: 'probe', 'data-empty': 'false' }, `mode=${props.mode}`),
});

function widget(drill: boolean): ResolvedWidget {
  const def = defineWidget({ type: 'probe', titleKey: 'themes.environment', component: Probe, options: z.object({}), sources: () => ['air'], drill });
  return { id: 'p1', type: 'probe', area: { x: 0, y: 0, w: 4, h: 4 }, def: def, options: {} };
}

let pinia: Pinia;
// The shared clock starts its one interval on first use: fake timers for the whole file, so
// that interval ticks on the test's time.
beforeAll(() => vi.useFakeTimers({ now: Date.parse('2026-11-22T08:00:00Z') }));
afterAll(() => vi.useRealTimers());
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
});

const mountFrame = (drill: boolean, mode: 'real' | 'drill') => mount(WidgetFrame, { props: { widget: widget(drill), mode }, global: { plugins: [pinia, i18n] } });

describe('WidgetFrame', () => {
  it('carries the hooks and title, and shows the widget for its mode', () => {
    const w = mountFrame(true, 'drill');
    const root = w.get('section');
    expect(root.attributes('data-widget-id')).toBe('p1');
    expect(root.attributes('data-widget-type')).toBe('probe');
    expect(w.get('h2').text()).toBe('生态环境');
    expect(w.get('.probe').text()).toBe('mode=drill');
  });

  it('goes from waiting to fresh, greys out with the delay when the source falls silent, and recovers', async () => {
    const w = mountFrame(false, 'real');
    expect(w.get('section').attributes('data-fresh')).toBe('unknown');
    useEnvStore().applyDelta([airReading('s1')]);
    await nextTick();
    expect(w.get('section').attributes('data-fresh')).toBe('fresh');
    expect(w.find('[data-testid="stale-tag"]').exists()).toBe(false);

    vi.advanceTimersByTime(16 * 60_000);
    await nextTick();
    expect(w.get('section').attributes('data-fresh')).toBe('stale');
    expect(w.get('section').classes()).toContain('stale');
    expect(w.get('[data-testid="stale-tag"]').text()).toBe('数据延迟 16 分钟');

    useEnvStore().applyDelta([airReading('s1')]);
    await nextTick();
    expect(w.get('section').attributes('data-fresh')).toBe('fresh');
    expect(w.find('[data-testid="stale-tag"]').exists()).toBe(false);
  });

  it('in drill view, shows "not part of the drill" instead of real data for a widget without drill data', () => {
    const w = mountFrame(false, 'drill');
    expect(w.find('.probe').exists()).toBe(false);
    expect(w.get('[data-testid="not-in-drill"]').text()).toContain('本项不参与演练');
    expect(mountFrame(false, 'real').find('.probe').exists()).toBe(true);
  });

  it('speaks English when switched', async () => {
    i18n.global.locale.value = 'en';
    const w = mountFrame(false, 'drill');
    expect(w.get('h2').text()).toBe('Environment');
    expect(w.get('[data-testid="not-in-drill"]').text()).toContain('Not part of the drill');
  });
});
