import { ref, readonly, type Ref } from 'vue';

const now = ref(Date.now());
let timer: ReturnType<typeof setInterval> | null = null;

/**
 * One shared clock ticking every second for the whole app (header time, freshness ages),
 * so hundreds of widgets don't each run a timer.
 */
export function useClock(): Readonly<Ref<number>> {
  if (!timer) {
    // The clock reads the time when it starts, not when the module loaded.
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 1000);
  }
  return readonly(now);
}
