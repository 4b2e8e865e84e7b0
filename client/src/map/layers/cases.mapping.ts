import type { ExpressionSpecification } from 'maplibre-gl';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CASE_STATUS_COLORS, OVERDUE_COLOR } from '../palette.js';
import type { MapFormat } from '../format.js';
import type { FeatureDetails, LegendItem } from './types.js';

/**
 * How the cases layer draws and explains a case on the page. The case's feature itself
 * ({@link caseFeature} in model/cases/case-feature.ts) is built in the live worker.
 */

/** The style expression colouring a case by its status (feature-state first), from the one status palette. */
export function statusColorExpression(): ExpressionSpecification {
  // A spread `match` is beyond the style types' tuple inference; its shape is checked in the tests.
  return ['match', ['coalesce', ['feature-state', 'status'], ['get', 'status']], ...Object.entries(CASE_STATUS_COLORS).flat(), CASE_STATUS_COLORS.reported] as unknown as ExpressionSpecification;
}

/** The popup of a case. */
export function caseDetails(c: GridCase, fmt: MapFormat): FeatureDetails {
  const { t } = fmt;
  return {
    title: c.title,
    color: c.overdue ? OVERDUE_COLOR : CASE_STATUS_COLORS[c.status],
    fields: [
      { label: t('map.fields.status'), value: t(`map.status.${c.status}`) },
      { label: t('map.fields.category'), value: fmt.categoryName(c.category) },
      { label: t('map.fields.district'), value: fmt.districtName(c.district) },
      ...(c.address ? [{ label: t('map.fields.address'), value: c.address }] : []),
      { label: t('map.fields.department'), value: fmt.departmentName(c.department) },
      { label: t('map.fields.reportedAt'), value: fmt.dateTime(c.reportedAt) },
      { label: t('map.fields.deadline'), value: fmt.dateTime(c.deadlineAt) },
      { label: t('map.fields.overdue'), value: c.overdue ? t('map.values.overdueYes') : t('map.values.no'), alert: c.overdue },
    ],
  };
}

/** Status colours, the overdue ring and the cluster bubble. */
export function casesLegend(fmt: MapFormat, clusterColor: string): LegendItem[] {
  return [
    ...Object.entries(CASE_STATUS_COLORS).map(([status, color]) => ({ label: fmt.t(`map.status.${status}`), color, shape: 'circle' as const })),
    { label: fmt.t('map.legend.overdue'), color: OVERDUE_COLOR, shape: 'ring' },
    { label: fmt.t('map.legend.cluster'), color: clusterColor, shape: 'circle' },
  ];
}
