import { describe, expect, it } from 'vitest';
import { alertsInForce, orderPlans, stepClock, suggestedLevel } from '../../../../../client/src/desk/plans/plan-view.js';
import { cityPlans } from '../../../../../mock-data/city-pack-builder/plans.js';
import type { PlanActivation } from '../../../../../shared/schemas/plan.js';

const [typhoon, rain] = cityPlans({ name: '阳江市', nameEn: 'Yangjiang' });
const T = Date.parse('2026-09-01T08:00:00Z');
const iso = (minutes: number) => new Date(T + minutes * 60_000).toISOString();

function activation(id: string, over: Partial<PlanActivation> = {}): PlanActivation {
  return {
    id,
    planId: typhoon!.id,
    plan: typhoon!,
    alertId: `alert-${id}`,
    alert: { event: '台风橙色预警信号', headline: null, level: 'orange', state: 'active', sent: iso(-120) },
    manual: null,
    exercise: false,
    districts: ['441702'],
    state: 'active',
    responseLevel: 'II',
    version: 2,
    proposedAt: iso(-120),
    startedAt: iso(-120),
    startedBy: 'duty',
    endedAt: null,
    endedBy: null,
    alertEnded: false,
    steps: [],
    history: [],
    updatedAt: iso(0),
    ...over,
  };
}

describe('the desk and wall order of plans', () => {
  it('puts proposals first, then running plans by overdue steps, and leaves ended ones out', () => {
    const quiet = activation('quiet', { startedAt: iso(-1), proposedAt: iso(-1) });
    const late = activation('late');
    const proposed = activation('proposed', { state: 'proposed', startedAt: null, plan: rain!, planId: rain!.id });
    const ended = activation('ended', { state: 'ended' });
    expect(orderPlans([quiet, ended, late, proposed], T).map((v) => v.activation.id)).toEqual(['proposed', 'late', 'quiet']);
    // Two hours in: the 30- and 60-minute steps are late; the 120-minute ones fall due this instant, not yet late.
    expect(orderPlans([late], T)[0]!.progress).toMatchObject({ done: 0, total: 9, overdue: 2 });
  });

  it('gives a step the time left before its limit, the time past it, or nothing once done', () => {
    const [view] = orderPlans([activation('a', { steps: [{ stepId: 'forecast', done: true, at: iso(-10), by: 'duty', note: null }] })], T);
    const by = (id: string) => view!.progress.steps.find((s) => s.step.id === id)!;
    expect(stepClock(by('order'), T)).toEqual({ state: 'overdue', span: { unit: 'hm', h: 1, m: 30 } });
    expect(stepClock(by('boats'), T)).toEqual({ state: 'running', span: { unit: 'hm', h: 1, m: 0 } });
    expect(stepClock(by('forecast'), T)).toEqual({ state: 'none' });
  });
});

describe('starting a plan by hand', () => {
  it('suggests what the alert level starts under the plan, clamped to its range, or the plan lowest without an alert', () => {
    expect(suggestedLevel(typhoon!, 'orange')).toBe('II');
    expect(suggestedLevel(typhoon!, 'red')).toBe('I');
    expect(suggestedLevel(rain!, null)).toBe(rain!.responseLevels[rain!.levels.from]);
  });

  it('offers the alerts in force, newest first', () => {
    const alerts = [
      { id: 'old', state: 'acknowledged', sent: iso(-60) },
      { id: 'gone', state: 'cancelled', sent: iso(-10) },
      { id: 'new', state: 'active', sent: iso(-5) },
      { id: 'expired', state: 'expired', sent: iso(-1) },
    ] as const;
    expect(alertsInForce(alerts).map((a) => a.id)).toEqual(['new', 'old']);
  });
});
