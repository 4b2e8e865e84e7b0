import { defineWidget } from '../registry.js';
import ResourceSummary from './ResourceSummary.vue';
import { resourceSummaryOptions } from './resource-summary.js';

/** Rescue teams, warehouses and shelters per district (应急资源). */
export const resourceSummaryWidget = defineWidget({
  type: 'resource-summary',
  titleKey: 'widgets.resourceSummary.title',
  component: ResourceSummary,
  options: resourceSummaryOptions,
  sources: () => [],
  drill: true,
});
