import { defineWidget } from '../registry.js';
import DistrictRanking from './DistrictRanking.vue';
import { districtRankingOptions } from './district-ranking.js';

/**
 * Districts ranked by cases today, overdue cases or closure rate (各区县排名); for a viewer of
 * one district, its unit grid cells by open or overdue cases (the level below).
 */
export const districtRankingWidget = defineWidget({
  type: 'district-ranking',
  titleKey: 'widgets.districtRanking.title',
  component: DistrictRanking,
  options: districtRankingOptions,
  sources: () => ['kpi', 'grid'],
  drill: true,
});
