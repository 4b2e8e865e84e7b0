import { defineWidget } from '../registry.js';
import CasesByCategory from './CasesByCategory.vue';
import { casesByCategoryOptions } from './options.js';

/** Cases per category, largest first (案件类别分布). */
export const casesByCategoryWidget = defineWidget({
  type: 'cases-by-category',
  titleKey: 'widgets.casesByCategory.title',
  component: CasesByCategory,
  options: casesByCategoryOptions,
  sources: () => ['grid'],
  drill: true,
});
