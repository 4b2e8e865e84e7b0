import { describe, expect, it } from 'vitest';
import { activatesAutomatically, matchingPlans, planMatches, planProgress, responseLevelFor, stepDueAt } from '../../../../shared/domain/plans.js';
import { responsePlan, type PlanActivation, type ResponsePlan } from '../../../../shared/schemas/plan.js';
import { cityPlans } from '../../../../mock-data/city-pack-builder/plans.js';

const step = (id: string, limitMinutes: number) => ({ id, title: id, titleEn: id, department: 'emergency', limitMinutes, done: '完成', doneEn: 'done' });
const plan = (over: Partial<ResponsePlan> = {}): ResponsePlan =>
  responsePlan.parse({
    id: 'geo',
    name: '地质灾害',
    nameEn: 'Geo',
    categories: ['geological'],
    levels: { from: 'yellow', to: 'red' },
    responseLevels: { red: 'II', orange: 'III', yellow: 'IV' },
    autoActivate: ['red'],
    lead: 'natural-resources',
    steps: [step('a', 30), step('b', 120)],
    ...over,
  });

describe('plan matching', () => {
  it('matches by category and level range, both ends included', () => {
    const p = plan();
    expect(planMatches(p, { category: 'geological', level: 'yellow' })).toBe(true);
    expect(planMatches(p, { category: 'geological', level: 'red' })).toBe(true);
    expect(planMatches(p, { category: 'geological', level: 'blue' })).toBe(false);
    expect(planMatches(p, { category: 'typhoon', level: 'red' })).toBe(false);
  });

  it('finds the city plan of each category the system raises alerts in', () => {
    const plans = cityPlans({ name: '阳江市', nameEn: 'Yangjiang' });
    const ids = (category: Parameters<typeof matchingPlans>[1]['category'], level: Parameters<typeof matchingPlans>[1]['level']) => matchingPlans(plans, { category, level }).map((p) => p.id);
    expect(ids('typhoon', 'blue')).toEqual(['typhoon']);
    expect(ids('rainstorm', 'orange')).toEqual(['rainstorm-flood']);
    expect(ids('flood', 'red')).toEqual(['rainstorm-flood']);
    expect(ids('geological', 'blue')).toEqual([]);
    expect(ids('forest_fire', 'yellow')).toEqual(['forest-fire']);
    expect(ids('hazchem', 'blue')).toEqual(['hazchem']);
    expect(ids('public_health', 'orange')).toEqual(['public-health']);
    expect(ids('environment', 'red')).toEqual([]);
  });
});

describe('response level', () => {
  it('maps each alert level of the range as the plan writes it', () => {
    const p = plan();
    expect(responseLevelFor(p, 'red')).toBe('II');
    expect(responseLevelFor(p, 'orange')).toBe('III');
    expect(responseLevelFor(p, 'yellow')).toBe('IV');
  });

  it('moves up and down with the alert level, and keeps the range end when the alert leaves the range', () => {
    const p = plan();
    const raised = responseLevelFor(p, 'red');
    const lowered = responseLevelFor(p, 'yellow');
    expect([raised, lowered]).toEqual(['II', 'IV']);
    expect(responseLevelFor(p, 'blue')).toBe('IV');
  });

  it('starts by itself only at the levels the plan names', () => {
    const p = plan();
    expect(activatesAutomatically(p, 'red')).toBe(true);
    expect(activatesAutomatically(p, 'orange')).toBe(false);
    expect(activatesAutomatically(plan({ autoActivate: [] }), 'red')).toBe(false);
  });
});

describe('overdue steps', () => {
  const startedAt = '2026-09-01T00:00:00.000Z';
  const base = (over: Partial<PlanActivation> = {}) => ({ plan: plan(), state: 'active' as const, startedAt, steps: [], ...over });
  const at = (minutes: number) => Date.parse(startedAt) + minutes * 60_000;

  it('falls due at the start plus the limit and is overdue only once past it, not done', () => {
    expect(stepDueAt(startedAt, { limitMinutes: 30 })).toBe(at(30));
    expect(planProgress(base(), at(30)).overdue).toBe(0);
    const p = planProgress(base(), at(31));
    expect(p).toMatchObject({ done: 0, total: 2, overdue: 1 });
    expect(p.steps.map((s) => s.overdue)).toEqual([true, false]);
    expect(planProgress(base(), at(121)).overdue).toBe(2);
  });

  it('does not count a done step, nor any step of a proposed or ended response', () => {
    const done = [{ stepId: 'a', done: true, at: startedAt, by: 'duty', note: null }];
    expect(planProgress(base({ steps: done }), at(200))).toMatchObject({ done: 1, overdue: 1 });
    expect(planProgress(base({ state: 'ended' }), at(200)).overdue).toBe(0);
    expect(planProgress(base({ state: 'proposed', startedAt: null }), at(200))).toMatchObject({ overdue: 0, done: 0, total: 2 });
  });
});

describe('plan schema', () => {
  it('names the field of a malformed plan', () => {
    const issues = (over: Record<string, unknown>) => responsePlan.safeParse({ ...plan(), ...over }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ responseLevels: { red: 'II', orange: 'III' } })).toEqual(['responseLevels.yellow: level yellow is in the range but starts no response level']);
    expect(issues({ autoActivate: ['blue'] })[0]).toMatch(/^autoActivate\.0: level blue is outside/);
    expect(issues({ levels: { from: 'red', to: 'yellow' } })[0]).toMatch(/^levels\.from/);
    expect(issues({ steps: [step('a', 30), step('a', 60)] })).toEqual(['steps.1.id: duplicate step id a']);
    expect(issues({ steps: [{ ...step('a', 30), limitMinutes: 0 }] })[0]).toMatch(/^steps\.0\.limitMinutes/);
  });
});
