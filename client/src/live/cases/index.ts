import { caseCategoriesView } from './case-categories.view.js';
import { caseCellsView } from './case-cells.view.js';
import { caseMapView } from './case-map.view.js';
import { caseQueueView } from './case-queue.view.js';
import { caseTrendView } from './case-trend.view.js';
import { createViewRegistry, defineView } from './view-registry.js';

/**
 * The density view needs H3 (≈ 80 KB gzipped), loaded the first time a screen shows the
 * layer rather than with the worker: its definition imports the view when it is created.
 */
const caseHexView = defineView({
  kind: 'case-hex',
  async create(spec) {
    const { CaseHexView } = await import('./case-hex.view.js');
    return new CaseHexView(spec.resolution);
  },
});

/** Every view of the cases the live worker can build, by kind (see docs/ARCHITECTURE.md, "The client data path"). */
export const caseViews = createViewRegistry();
for (const def of [caseMapView, caseHexView, caseCategoriesView, caseCellsView, caseTrendView, caseQueueView]) caseViews.register(def);
