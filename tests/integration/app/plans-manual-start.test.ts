import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson } from '../../fixtures/payloads.js';
import type { PlanActivation } from '../../../shared/schemas/plan.js';

type User = 'leader' | 'duty' | 'grid' | 'admin';
type Refusal = { error: { code: string; issues: { path: string }[] } };

/**
 * 手动启动 through the public interface: a duty officer starts any pack plan for an alert in
 * force or for a reported event with no alert, at the level chosen, with a reason; drill mode
 * keeps exercise and real data apart; bad input is a 4xx naming the field; it is audited.
 */
describe.each(['pglite', 'postgres'] as const)('starting a plan by hand (%s)', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;

  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
    await schema?.drop();
  });

  const call = async (user: User, body: unknown, path = '/plans/activations') =>
    fetch(`${srv.url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const json = async <T>(res: Response | Promise<Response>, status: number): Promise<T> => {
    const r = await res;
    const body = (await r.json()) as T;
    expect(r.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const paths = async (res: Promise<Response>, status = 422) => (await json<Refusal>(res, status)).error.issues.map((i) => i.path);
  const send = async (over: Record<string, unknown>) => (await json<{ ids: string[] }>(srv.ingest('/api/v1/ingest/alerts', alertJson(over)), 202)).ids[0]!;
  const list = async (query: string) =>
    (await json<{ items: PlanActivation[] }>(fetch(`${srv.url}/api/v1/plans/activations?${query}`, { headers: { authorization: `Bearer ${await srv.token('duty')}` } }), 200)).items;

  it('starts a plan the alert does not match, at the level chosen, and keeps that level when the alert moves', async () => {
    const alertId = await send({ sourceId: 'manual-rain-1', category: 'rainstorm', level: 'yellow' });
    const a = await json<PlanActivation>(call('duty', { planId: 'hazchem', alertId, responseLevel: 'III', reason: '暴雨致化工园区积水，先行启动' }), 201);
    expect(a).toMatchObject({ planId: 'hazchem', alertId, state: 'active', responseLevel: 'III', startedBy: 'duty', exercise: false, manual: { reason: '暴雨致化工园区积水，先行启动', event: null } });
    expect(a.history).toEqual([expect.objectContaining({ kind: 'activated', actor: 'duty', to: 'III', note: '暴雨致化工园区积水，先行启动' })]);
    expect((await list(`alert=${alertId}`)).map((x) => x.planId).sort()).toEqual(['hazchem', 'rainstorm-flood']);

    await send({ sourceId: 'manual-rain-1-u', msgType: 'Update', references: ['manual-rain-1'], category: 'rainstorm', level: 'red' });
    const moved = (await list(`alert=${alertId}`)).find((x) => x.planId === 'hazchem')!;
    expect(moved).toMatchObject({ responseLevel: 'III', alert: { level: 'red' } });

    // Never twice at once for one alert: the running one is named.
    expect(await paths(call('duty', { planId: 'hazchem', alertId, responseLevel: 'II', reason: '再次启动' }), 409)).toEqual(['body.planId']);
    // Nor a plan the alert already proposed: that proposal is the one to start.
    expect(await paths(call('duty', { planId: 'rainstorm-flood', alertId, responseLevel: 'II', reason: '重复' }), 409)).toEqual(['body.planId']);
  });

  it('starts a plan for a reported event with no alert', async () => {
    const a = await json<PlanActivation>(call('admin', { planId: 'public-health', event: '某小学聚集性腹泻', districts: ['441702'], responseLevel: 'IV', reason: '卫健局电话报告' }), 201);
    expect(a).toMatchObject({ alertId: null, alert: null, districts: ['441702'], state: 'active', startedBy: 'admin', manual: { event: '某小学聚集性腹泻', reason: '卫健局电话报告' } });
    expect((await list('exercise=false')).map((x) => x.id)).toContain(a.id);
  });

  it('keeps drills apart: an exercise start is for exercise alerts or no alert, never a real alert', async () => {
    const real = await send({ sourceId: 'manual-real-1', category: 'typhoon', level: 'blue' });
    expect(await paths(call('duty', { planId: 'forest-fire', alertId: real, responseLevel: 'IV', reason: '演练', exercise: true }))).toEqual(['body.exercise']);
    const drillAlert = await send({ sourceId: 'manual-drill-1', status: 'Exercise', category: 'typhoon', level: 'blue' });
    expect(await paths(call('duty', { planId: 'forest-fire', alertId: drillAlert, responseLevel: 'IV', reason: '真实' }))).toEqual(['body.exercise']);
    const d = await json<PlanActivation>(call('duty', { planId: 'forest-fire', alertId: drillAlert, responseLevel: 'IV', reason: '演练：山火', exercise: true }), 201);
    const e = await json<PlanActivation>(call('duty', { planId: 'geological', event: '演练：山体滑坡', districts: ['441702'], responseLevel: 'III', reason: '演练', exercise: true }), 201);
    expect([d.exercise, e.exercise]).toEqual([true, true]);
    const realIds = (await list('exercise=false&state=active,proposed,ended')).map((x) => x.id);
    expect(realIds).not.toContain(d.id);
    expect(realIds).not.toContain(e.id);
  });

  it('answers bad input with a 4xx naming the field, and refuses roles without plans:command', async () => {
    const alertId = await send({ sourceId: 'manual-bad-1', category: 'rainstorm', level: 'blue' });
    const ok = { planId: 'hazchem', alertId, responseLevel: 'IV', reason: '原因' };
    expect((await call('leader', ok)).status).toBe(403);
    expect((await call('grid', ok)).status).toBe(403);
    expect(await paths(call('duty', { ...ok, planId: 'no-such-plan' }))).toEqual(['body.planId']);
    expect(await paths(call('duty', { ...ok, alertId: 'no-such-alert' }))).toEqual(['body.alertId']);
    expect(await paths(call('duty', { ...ok, responseLevel: 'V' }))).toEqual(['body.responseLevel']);
    expect(await paths(call('duty', { ...ok, reason: ' \u200b ' }))).toEqual(['body.reason']);
    expect(await paths(call('duty', { ...ok, districts: ['441702'] }))).toEqual(['body.districts']);
    expect((await paths(call('duty', { planId: 'hazchem', responseLevel: 'IV', reason: '原因' }))).sort()).toEqual(['body.districts', 'body.event']);
    expect(await paths(call('duty', { planId: 'hazchem', event: '泄漏', districts: ['999999'], responseLevel: 'IV', reason: '原因' }))).toEqual(['body.districts']);
    await send({ sourceId: 'manual-bad-1-c', msgType: 'Cancel', references: ['manual-bad-1'], category: 'rainstorm', level: 'blue' });
    expect(await paths(call('duty', ok), 409)).toEqual(['body.alertId']);
  });

  it('writes the start to the audit log with who and why', async () => {
    const res = await fetch(`${srv.url}/api/v1/audit?action=plan.start_manual`, { headers: { authorization: `Bearer ${await srv.token('admin')}` } });
    const { items } = (await res.json()) as { items: { actor: string; detail: { plan: string; reason: string; event: string | null } }[] };
    expect(items.find((e) => e.detail.plan === 'public-health')).toMatchObject({ actor: 'admin', detail: { reason: '卫健局电话报告', event: '某小学聚集性腹泻' } });
    expect(items.filter((e) => e.detail.plan === 'hazchem')).toHaveLength(1);
  });
});
