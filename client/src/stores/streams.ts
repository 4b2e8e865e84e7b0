import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { HeldSummary, PageTopic } from '../live/protocol.js';
import { defineTopicStore } from './topic-store.js';

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

/**
 * City-management cases (网格事件): the cases themselves stay in the live worker (ten thousand
 * of them would cost the page's garbage collector more than a frame); the page keeps when the
 * stream last spoke and how many cases each partition holds, and watches views of them
 * (`LiveSource.watch`, services/live-source.ts).
 */
export const useGridStore = defineStore('topic:grid', () => {
  const lastHeard = ref<Record<string, number>>({});
  const sizes = ref<HeldSummary['sizes']>({ real: 0, drill: 0 });
  return {
    lastHeard,
    sizes,
    applySummary(summary: HeldSummary): void {
      for (const [src, at] of Object.entries(summary.heard)) if ((lastHeard.value[src] ?? 0) !== at) lastHeard.value[src] = at;
      if (sizes.value.real !== summary.sizes.real || sizes.value.drill !== summary.sizes.drill) sizes.value = summary.sizes;
    },
  };
});

/** Emergency alerts (应急预警); cancelled and expired ones leave the screen. */
export const useAlertsStore = defineTopicStore('alerts', {
  isDrill: (a) => a.exercise,
  time: (a) => ms(a.updatedAt),
  snapshotIsCurrent: true,
  evict: (a) => a.state === 'cancelled' || a.state === 'expired',
});

/** Latest reading per station (环境监测): the store keys by station, not by reading. */
export const useEnvStore = defineTopicStore('env', { key: (o) => o.stationId, source: (o) => o.kind, isDrill: (o) => o.exercise, time: (o) => ms(o.observedAt), keepNewest: true });

/** Economic indicators (经济运行). */
export const useEconomyStore = defineTopicStore('economy', { isDrill: (i) => i.exercise, time: (i) => ms(i.updatedAt) });

/** Vital signs (城市运行体征) of the city and each district: the real ones, and a drill's own computed from its exercise data. */
export const useKpiStore = defineTopicStore('kpi', { isDrill: (k) => k.exercise, time: (k) => ms(k.computedAt) });

/**
 * Drill sessions (指挥演练): the open ones sit in the `real` partition (a session is not
 * exercise data, it says when a drill runs); an ended one leaves it.
 */
export const useDrillsStore = defineTopicStore('drills', { isDrill: () => false, time: (d) => ms(d.endedAt ?? d.startedAt), snapshotIsCurrent: true, evict: (d) => d.endedAt !== null });

/** Rescue resources dispatched (指挥调度): active assignments, and those finished lately; a drill's apart from the real ones. */
export const useDispatchStore = defineTopicStore('dispatch', { isDrill: (a) => a.exercise, time: (a) => ms(a.updatedAt), snapshotIsCurrent: true });

/** Response plan activations (结构化预案): proposed and running ones; an ended one leaves the store. */
export const usePlansStore = defineTopicStore('plans', { isDrill: (a) => a.exercise, time: (a) => ms(a.updatedAt), snapshotIsCurrent: true, evict: (a) => a.state === 'ended' });

/** The store of each topic whose items reach the page, for the socket service to dispatch into. */
export const topicStores = {
  alerts: useAlertsStore,
  env: useEnvStore,
  economy: useEconomyStore,
  kpi: useKpiStore,
  drills: useDrillsStore,
  plans: usePlansStore,
  dispatch: useDispatchStore,
} satisfies Record<PageTopic, unknown>;

/** Every topic's store, for what each of them keeps: when its sources last spoke. */
export const heardStores = { ...topicStores, grid: useGridStore };
