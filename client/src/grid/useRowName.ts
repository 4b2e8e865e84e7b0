import type { ComputedRef } from 'vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { EvaluationGroup, EvaluationRow } from '../../../shared/contracts/evaluation.js';
import { useCellNames } from './useCellNames.js';

/** An evaluation row's name in the current language: a cell after its landmark, a source in words, else the server's name. */
export function useRowName(): ComputedRef<(by: EvaluationGroup, row: Pick<EvaluationRow, 'key' | 'name'>) => string> {
  const { t, te } = useI18n();
  const cells = useCellNames();
  return computed(() => (by, row) => {
    if (by === 'cell') return cells.value(row.key);
    if (by === 'source' && te(`grid.sources.${row.key}`)) return t(`grid.sources.${row.key}`);
    return row.name;
  });
}
