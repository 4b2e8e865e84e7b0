import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CaseTrend } from '../../model/aggregates/case-trend.js';
import type { ViewData, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';
import { defineView } from './view-registry.js';

type Spec = Extract<ViewSpec, { kind: 'case-trend' }>;

/**
 * Reported and closed cases per hour for `case-trend-24h`: the server's hourly statistics
 * (the spec's seed, which the page loads and renews every hour), advanced by the cases that
 * change in the worker.
 */
export class CaseTrendView implements CaseView<'case-trend'> {
  private trend: CaseTrend;
  private moved = true;

  constructor(private readonly spec: Spec) {
    this.trend = this.seeded();
  }

  private seeded(): CaseTrend {
    const trend = new CaseTrend(this.spec.hours);
    trend.seed(this.spec.seed);
    return trend;
  }

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.trend = this.seeded();
    this.trend.apply(cases.values(), Date.now());
    this.moved = true;
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    const changed: GridCase[] = [];
    for (const id of ids) {
      const c = cases.get(id);
      if (c) changed.push(c);
    }
    if (this.trend.apply(changed, Date.now())) this.moved = true;
  }

  take(now: number): ViewData['case-trend'] | null {
    if (this.trend.slideTo(now)) this.moved = true;
    if (!this.moved) return null;
    this.moved = false;
    return this.trend.hours();
  }
}

/** The `case-trend` kind, registered in live/cases/index.ts. */
export const caseTrendView = defineView({ kind: 'case-trend', create: (spec) => new CaseTrendView(spec) });
