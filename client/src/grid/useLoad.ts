import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';

/**
 * Loads `fetch(key)` whenever `key()` changes (null: nothing to load), keeping only the latest
 * answer (an older request finishing late is dropped) and the failure's message to show.
 */
export function useLoad<K, T>(key: () => K | null, fetch: (k: K) => Promise<T>): { data: ShallowRef<T | null>; failure: Ref<string | null>; loading: Ref<boolean> } {
  const data = shallowRef<T | null>(null);
  const failure = ref<string | null>(null);
  const loading = ref(false);
  let asked = 0;
  watch(
    key,
    async (k) => {
      const req = ++asked;
      if (k === null) {
        data.value = null;
        loading.value = false;
        return;
      }
      loading.value = true;
      try {
        const d = await fetch(k);
        if (req !== asked) return;
        data.value = d;
        failure.value = null;
      } catch (error) {
        if (req === asked) failure.value = error instanceof Error ? error.message : String(error);
      } finally {
        if (req === asked) loading.value = false;
      }
    },
    { immediate: true, deep: true },
  );
  return { data, failure, loading };
}
