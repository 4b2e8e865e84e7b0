import { computed, type ComputedRef } from 'vue';
import { resourceUsage, type ResourceUsage } from '../../../shared/domain/dispatch.js';
import { useDispatchStore } from '../stores/streams.js';
import { useReferenceStore } from '../stores/reference.js';
import type { DataMode } from '../stores/topic-store.js';

/**
 * What each resource has committed and free in `mode` (real or drill, never mixed), from the
 * city pack's figures and the live assignments: it follows every desk's change within the
 * live push.
 */
export function useResourceUsage(mode: () => DataMode): ComputedRef<Map<string, ResourceUsage>> {
  const store = useDispatchStore();
  const reference = useReferenceStore();
  return computed(() => resourceUsage(reference.city?.resources ?? [], (mode() === 'drill' ? store.drill : store.real).values(), mode() === 'drill'));
}
