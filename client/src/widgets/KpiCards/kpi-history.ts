import { defineStore } from 'pinia';
import { shallowRef, triggerRef } from 'vue';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import type { DataMode } from '../../stores/topic-store.js';
import { useKpiStore } from '../../stores/streams.js';
import { citySigns } from './kpi-metrics.js';

/** The sparkline spans the last hour, one sample per minute: at most 61 samples per mode. */
export const SPARK_WINDOW_MS = 3_600_000;
export const SAMPLE_MS = 60_000;

/** The city's vital signs as seen at one instant. */
export interface KpiSample {
  at: number;
  signs: VitalSigns;
}

/**
 * Adds a sample in place: one per minute (a later one in the same minute replaces it), and
 * none older than the window, so the array stays bounded however long the screen runs.
 */
export function recordSample(samples: KpiSample[], sample: KpiSample): void {
  const last = samples[samples.length - 1];
  if (last && Math.floor(last.at / SAMPLE_MS) === Math.floor(sample.at / SAMPLE_MS)) samples[samples.length - 1] = sample;
  else samples.push(sample);
  const cut = sample.at - SPARK_WINDOW_MS;
  let drop = 0;
  while (drop < samples.length && samples[drop]!.at < cut) drop++;
  if (drop) samples.splice(0, drop);
}

/**
 * The last hour of the city's vital signs, recorded for the KPI sparklines from the first
 * time a card is shown for as long as the app runs, so a carousel that takes the cards off
 * screen and back does not lose their trend.
 */
export const useKpiHistory = defineStore('widgets:kpi-history', () => {
  const kpi = useKpiStore();
  const history = { real: shallowRef<KpiSample[]>([]), drill: shallowRef<KpiSample[]>([]) };
  for (const mode of ['real', 'drill'] as const satisfies DataMode[]) {
    const add = (signs: VitalSigns | null) => {
      if (!signs) return;
      recordSample(history[mode].value, { at: Date.now(), signs });
      triggerRef(history[mode]);
    };
    add(citySigns(kpi[mode].values()));
    kpi.onChange(mode, ({ items }) => add(citySigns(items)));
  }
  return { real: history.real, drill: history.drill };
});
