import type { LiveTopic } from '../../../shared/contracts/live.js';
import { defineTopicStore } from './topic-store.js';

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

/** City-management cases (网格事件), patched in place by the live worker (their listeners keep ids and counts, not cases). */
export const useGridStore = defineTopicStore('grid', {
  isDrill: (c) => c.exercise,
  time: (c) => ms(c.updatedAt),
  shared: ['source', 'category', 'kind', 'status', 'district', 'department', 'gridCell'],
});

/** Emergency alerts (应急预警); cancelled and expired ones leave the screen. */
export const useAlertsStore = defineTopicStore('alerts', {
  isDrill: (a) => a.exercise,
  time: (a) => ms(a.updatedAt),
  snapshotIsCurrent: true,
  evict: (a) => a.state === 'cancelled' || a.state === 'expired',
});

/** Latest reading per station (环境监测): the store keys by station, not by reading. */
export const useEnvStore = defineTopicStore('env', { key: (o) => o.stationId, source: (o) => o.kind, isDrill: (o) => o.exercise, time: (o) => ms(o.observedAt) });

/** Economic indicators (经济运行). */
export const useEconomyStore = defineTopicStore('economy', { isDrill: (i) => i.exercise, time: (i) => ms(i.updatedAt) });

/** Vital signs (城市运行体征) of the city and each district. */
export const useKpiStore = defineTopicStore('kpi', { isDrill: () => false, time: (k) => ms(k.computedAt) });

/** The store of each topic, for the socket service to dispatch into. */
export const topicStores = { grid: useGridStore, alerts: useAlertsStore, env: useEnvStore, economy: useEconomyStore, kpi: useKpiStore } satisfies Record<LiveTopic, unknown>;
