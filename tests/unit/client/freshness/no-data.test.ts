import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { noDataSince, provideNoDataSince, sinceLabel } from '../../../../client/src/freshness/no-data.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useEnvStore } from '../../../../client/src/stores/streams.js';
import EmptyNote from '../../../../client/src/widgets/common/EmptyNote.vue';
import { airDetails } from '../../../../client/src/map/layers/air.mapping.js';
import { waterDetails } from '../../../../client/src/map/layers/water.mapping.js';
import { districtDetails } from '../../../../client/src/map/layers/districts.mapping.js';
import { mapFormat, yangjiang } from '../map/fixtures.js';

const AT = Date.parse('2026-12-05T08:00:00+08:00');

// Issue 10 #15: empty widgets and popups showed dashes, or a donut of six equal slices.
describe('no data, and since when', () => {
  it("dates the gap from the sources' last delivery, else from when the screen began waiting", () => {
    expect(noDataSince([null, AT, AT - 5000, undefined], 1)).toBe(AT);
    expect(noDataSince([], 1)).toBe(1);
    expect(noDataSince([undefined], 42)).toBe(42);
  });

  it('writes the time alone today, with the date on an earlier day (China time)', () => {
    expect(sinceLabel(AT, AT + 3_600_000, 'zh-CN')).toBe('08:00');
    expect(sinceLabel(AT, AT + 2 * 86_400_000, 'zh-CN')).toBe('12/05 08:00');
  });

  it('an empty widget in a frame says since when its sources have been silent', async () => {
    // An hour after AT, China time, so the hour before is the same day whenever the test runs
    // (at 00:09 in Beijing the hour before was yesterday, and the label carries the date).
    vi.useFakeTimers({ toFake: ['Date'], now: AT + 3_600_000 });
    try {
      setActivePinia(createPinia());
      i18n.global.locale.value = 'zh-CN';
      const frame = defineComponent({ setup: () => (provideNoDataSince(['water']), () => h(EmptyNote)) });
      const w = mount(frame, { global: { plugins: [i18n] } });
      useEnvStore().lastHeard.water = AT;
      await w.vm.$nextTick();
      expect(w.text()).toContain('暂无数据 · 自 08:00 起');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a station or district popup without data says so instead of a column of dashes', () => {
    const city = yangjiang();
    const air = city.stations.find((s) => s.kind === 'air')!;
    const water = city.stations.find((s) => s.kind === 'water')!;
    for (const d of [airDetails(air, undefined, mapFormat('zh-CN')), waterDetails(water, undefined, mapFormat('zh-CN')), districtDetails('441702', undefined, mapFormat('zh-CN'))]) {
      expect(d.fields.map((f) => f.value)).not.toContain('—');
      expect(d.fields.at(-1)!.value).toMatch(/^暂无数据 · 自 .*\d\d:\d\d 起$/);
    }
    expect(airDetails(air, undefined, mapFormat('en')).fields.at(-1)).toMatchObject({ label: 'Status', value: expect.stringMatching(/^No data since /) });
  });
});
