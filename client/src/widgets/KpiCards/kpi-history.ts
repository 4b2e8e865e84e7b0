import { defineStore } from 'pinia';
import { shallowRef, triggerRef } from 'vue';
import type { VitalSigns } from '../../../../shared/contracts/kpi.js';
import type { DataMode } from '../../stores/topic-store.js';
import { useKpiStore } from '../../stores/streams.js';
import { viewerSigns } from './viewer-signs.js';
import { api } from '../../services/api.js';

/** The sparkline spans the last hour, one sample per minute: at most 61 samples per mode. */
export const SPARK_WINDOW_MS = 3_600_000;
export const SAMPLE_MS = 60_000;

/** The viewer's vital signs (the city's, or its districts') as seen at one instant. */
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
  if (last && minuteOf(last.at) === minuteOf(sample.at)) samples[samples.length - 1] = sample;
  else samples.push(sample);
  trim(samples);
}

/**
 * Puts the server's samples of the minutes before the first one recorded here under this
 * app's own (which are newer within a shared minute), so a screen opened a moment ago draws
 * the last hour at once. `earlier` is oldest first, one per minute, as the server answers.
 */
export function seedSamples(samples: KpiSample[], earlier: KpiSample[]): void {
  const first = samples[0] ? minuteOf(samples[0].at) : Infinity;
  samples.unshift(...earlier.filter((s) => minuteOf(s.at) < first));
  trim(samples);
}

const minuteOf = (at: number) => Math.floor(at / SAMPLE_MS);

/** Drops the samples older than the window before the newest. */
function trim(samples: KpiSample[]): void {
  const newest = samples[samples.length - 1];
  if (!newest) return;
  const cut = newest.at - SPARK_WINDOW_MS;
  let drop = 0;
  while (drop < samples.length && samples[drop]!.at < cut) drop++;
  if (drop) samples.splice(0, drop);
}

/**
 * The last hour of the city's vital signs for the KPI sparklines: seeded from the server's
 * per-minute samples (`GET /api/v1/kpi/history`) once the city's signs first arrive, then
 * recorded as they change for as long as the app runs, so a carousel that takes the cards off
 * screen and back does not lose their trend. A drill's line is seeded from the drill's own
 * samples (`exercise=true`).
 */
export const useKpiHistory = defineStore('widgets:kpi-history', () => {
  const kpi = useKpiStore();
  const history = { real: shallowRef<KpiSample[]>([]), drill: shallowRef<KpiSample[]>([]) };
  const seeded = { real: false, drill: false };
  const triedAt = { real: -Infinity, drill: -Infinity };
  const seed = async (mode: DataMode, scope: string) => {
    seeded[mode] = true;
    triedAt[mode] = Date.now();
    try {
      // A viewer of several districts sees them combined (viewer-signs.ts): so are its samples, minute by minute.
      const { items } = await api<{ items: VitalSigns[] }>(`/api/v1/kpi/history?district=${encodeURIComponent(scope.split('+').join(','))}${mode === 'drill' ? '&exercise=true' : ''}`);
      const byMinute = new Map<number, VitalSigns[]>();
      for (const signs of items) {
        const at = minuteOf(Date.parse(signs.computedAt));
        byMinute.set(at, [...(byMinute.get(at) ?? []), signs]);
      }
      seedSamples(
        history[mode].value,
        [...byMinute.values()].map((list) => viewerSigns(list)!).map((signs) => ({ at: Date.parse(signs.computedAt), signs })),
      );
      triggerRef(history[mode]);
    } catch {
      seeded[mode] = false; // the line fills in live meanwhile; a change a minute later tries again
    }
  };
  for (const mode of ['real', 'drill'] as const satisfies DataMode[]) {
    const add = (signs: VitalSigns | null) => {
      if (!signs) return;
      recordSample(history[mode].value, { at: Date.now(), signs });
      triggerRef(history[mode]);
      if (!seeded[mode] && Date.now() - triedAt[mode] >= SAMPLE_MS) void seed(mode, signs.scope);
    };
    add(viewerSigns(kpi[mode].values()));
    kpi.onChange(mode, ({ items }) => add(viewerSigns(items)));
  }
  return { real: history.real, drill: history.drill };
});
