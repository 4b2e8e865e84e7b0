import { defineWidget } from '../registry.js';
import DistrictRanking from './DistrictRanking.vue';
import { districtRankingOptions } from './district-ranking.js';

/** Districts ranked by cases today, overdue cases or closure rate (各区县排名). */
export const districtRankingWidget = defineWidget({
  type: 'district-ranking',
  titleKey: 'widgets.districtRanking.title',
  component: DistrictRanking,
  options: districtRankingOptions,
  sources: () => ['kpi'],
  drill: true,
});
