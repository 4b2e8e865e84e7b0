import { ref, type Ref } from 'vue';
import type { Alert } from '../../../../shared/schemas/alert.js';
import { highestWarningLevel, type WarningLevel } from '../../../../shared/domain/warning.js';
import type { DataMode } from '../../stores/topic-store.js';
import { usePartition, type PartitionedStore } from '../../widgets/common/partition.js';

/**
 * Tells alerts that arrive while the inbox is open from those already there: each new
 * unacknowledged alert is announced once (`announce` with the most severe level of the
 * batch, so a burst sounds once) and flashes until someone looks at it (`seen`).
 *
 * What the inbox held when it opened, or when it switched partition, is not news; neither is
 * the first snapshot the store receives (it may land after the inbox mounted). A later
 * snapshot (after a reconnect) is: an alert that came during the gap is announced.
 */
export function useNewAlerts(
  store: PartitionedStore<Alert> & { lastHeard: Record<string, number> },
  mode: () => DataMode,
  announce: (level: WarningLevel) => void,
): { flashing: Ref<ReadonlySet<string>>; seen(id: string): void } {
  const flashing = ref<ReadonlySet<string>>(new Set());
  const known = new Set<string>();
  let shownMode: DataMode | null = null;

  usePartition(store, mode, ({ items, reset }, m) => {
    // The alerts store marks its topic heard only after the first snapshot's listeners ran.
    const baseline = m !== shownMode || (reset && store.lastHeard.alerts === undefined);
    if (m !== shownMode) {
      shownMode = m;
      known.clear();
      flashing.value = new Set();
    }
    const fresh = items.filter((a) => !known.has(a.id) && a.state === 'active');
    for (const a of items) known.add(a.id);
    if (baseline || fresh.length === 0) return;
    flashing.value = new Set([...flashing.value, ...fresh.map((a) => a.id)]);
    announce(highestWarningLevel(fresh.map((a) => a.level))!);
  });

  return {
    flashing,
    seen(id) {
      if (!flashing.value.has(id)) return;
      const next = new Set(flashing.value);
      next.delete(id);
      flashing.value = next;
    },
  };
}
