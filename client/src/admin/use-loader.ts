import { ref, shallowRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { refusalOf } from './refusal.js';

/**
 * What a tab shows while it loads, once it has, and when it could not (the admin API missing
 * on an older server, the network down): one state per tab, reloaded on demand.
 */
export function useLoader<T>(load: () => Promise<T>): { data: Ref<T | null>; error: Ref<string>; loading: Ref<boolean>; reload: () => Promise<void> } {
  const { t } = useI18n();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const error = ref('');
  const loading = ref(false);

  async function reload() {
    loading.value = true;
    try {
      data.value = await load();
      error.value = '';
    } catch (err) {
      error.value = t('admin.common.loadFailed', { message: refusalOf(err, t).form });
    } finally {
      loading.value = false;
    }
  }
  return { data, error, loading, reload };
}
