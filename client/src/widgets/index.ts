import { createWidgetRegistry } from './registry.js';
import { cityMapWidget } from '../map/city-map.widget.js';
import { kpiCardsWidget } from './KpiCards/index.js';
import { caseTrendWidget } from './CaseTrend24h/index.js';
import { casesByCategoryWidget } from './CasesByCategory/index.js';
import { districtRankingWidget } from './DistrictRanking/index.js';
import { closureGaugeWidget } from './ClosureGauge/index.js';
import { aqiRankingWidget } from './AqiRanking/index.js';
import { pollutantTrendWidget } from './PollutantTrend/index.js';
import { waterClassMixWidget } from './WaterClassMix/index.js';
import { economyIndicatorsWidget } from './EconomyIndicators/index.js';
import { alertTickerWidget } from './AlertTicker/index.js';
import { alertListWidget } from './AlertList/index.js';
import { resourceSummaryWidget } from './ResourceSummary/index.js';
import { evaluationRankingWidget } from './EvaluationRanking/index.js';
import { planBoardWidget } from './PlanBoard/index.js';

/** Every widget type a screen document may use, the map included. */
export const widgetRegistry = createWidgetRegistry();
for (const def of [
  cityMapWidget,
  kpiCardsWidget,
  caseTrendWidget,
  casesByCategoryWidget,
  districtRankingWidget,
  closureGaugeWidget,
  aqiRankingWidget,
  pollutantTrendWidget,
  waterClassMixWidget,
  economyIndicatorsWidget,
  alertTickerWidget,
  alertListWidget,
  resourceSummaryWidget,
  evaluationRankingWidget,
  planBoardWidget,
]) {
  widgetRegistry.register(def);
}
