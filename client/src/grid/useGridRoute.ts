import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { gridQuery, parseGridQuery, type GridState } from './grid-query.js';

/** The workspace's state read from the address, and a way to change it (a new history entry, so back undoes it). */
export function useGridRoute(): { state: ComputedRef<GridState>; set(patch: Partial<GridState>): void } {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parseGridQuery(route.query));
  return { state, set: (patch) => void router.push({ query: gridQuery({ ...state.value, ...patch }) }) };
}
