import type { ViewSpec } from '../protocol.js';
import { CaseCategoriesView } from './case-categories.view.js';
import { CaseCellsView } from './case-cells.view.js';
import { CaseMapView } from './case-map.view.js';
import { CaseTrendView } from './case-trend.view.js';
import type { CaseView } from './views.js';

/**
 * The view of a spec. The density view needs H3 (≈ 80 KB gzipped), loaded the first time a
 * screen shows the layer rather than with the worker.
 */
export async function createCaseView(spec: ViewSpec): Promise<CaseView> {
  switch (spec.kind) {
    case 'case-map':
      return new CaseMapView(spec);
    case 'case-hex': {
      const { CaseHexView } = await import('./case-hex.view.js');
      return new CaseHexView(spec.resolution);
    }
    case 'case-categories':
      return new CaseCategoriesView(spec);
    case 'case-cells':
      return new CaseCellsView(spec);
    case 'case-trend':
      return new CaseTrendView(spec);
  }
}
