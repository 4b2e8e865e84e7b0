import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import { alertJson } from '../../fixtures/payloads.js';
import type { PlanActivation } from '../../../shared/schemas/plan.js';
import type { Assignment } from '../../../shared/schemas/dispatch.js';
import { planStepTargetId } from '../../../shared/domain/dispatch.js';

type User = 'leader' | 'duty' | 'grid' | 'admin';

/**
 * Response plans through the public interfaces: an alert proposes its plan, a duty officer
 * starts, ticks, moves and ends it, alert updates move it, drills stay apart, every command is
 * audited; on the embedded database and on PostgreSQL.
 */
describe.each(['pglite', 'postgres'] as const)('response plans API (%s)', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  let live: LiveClient;

  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
    live = await liveClient(srv.url, await srv.token('leader'));
    expect((await live.subscribe({ topics: ['plans'] })).ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    live?.close();
    await srv?.close();
    await schema?.drop();
  });

  const call = async (method: string, path: string, user: User, body?: unknown) =>
    fetch(`${srv.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    const body = (await r.json()) as T;
    expect(r.status, JSON.stringify(body)).toBe(status);
    return body;
  };
  const send = async (over: Record<string, unknown>) => (await json<{ ids: string[] }>(srv.ingest('/api/v1/ingest/alerts', alertJson(over)), 202)).ids[0]!;
  const activationsOf = async (alertId: string, query = '') => (await json<{ items: PlanActivation[] }>(call('GET', `/plans/activations?alert=${alertId}${query}`, 'duty'))).items;
  const typhoon = { category: 'typhoon', event: '台风橙色预警信号', level: 'orange', headline: '阳江市气象台发布台风橙色预警信号' };

  it('lists the city pack plans', async () => {
    const { items } = await json<{ items: { id: string }[] }>(call('GET', '/plans', 'leader'));
    expect(items.map((p) => p.id)).toEqual(['typhoon', 'rainstorm-flood', 'geological', 'forest-fire', 'hazchem', 'public-health']);
  });

  it('proposes the matching plan when an alert arrives and pushes it live', async () => {
    const alertId = await send({ sourceId: 'plans-typhoon-1', ...typhoon });
    const [a] = await activationsOf(alertId);
    expect(a).toMatchObject({ planId: 'typhoon', state: 'proposed', responseLevel: 'II', exercise: false, startedAt: null, version: 1, alert: { level: 'orange', event: '台风橙色预警信号' } });
    const pushed = await live.waitFor('plans', (d) => (d.items as PlanActivation[]).some((x) => x.id === a!.id));
    expect((pushed.items as PlanActivation[]).find((x) => x.id === a!.id)!.state).toBe('proposed');
    expect(await activationsOf(await send({ category: 'environment', event: '重污染天气', level: 'red' }))).toEqual([]);
  });

  it('lets a duty officer start, tick and untick; refuses the leader and the grid worker, a stale version and bad input', async () => {
    const alertId = await send({ sourceId: 'plans-typhoon-2', ...typhoon, sent: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    const [p] = await activationsOf(alertId);
    const path = `/plans/activations/${p!.id}`;
    expect((await call('POST', `${path}/activate`, 'leader', { version: 1 })).status).toBe(403);
    expect((await call('POST', `${path}/activate`, 'grid', { version: 1 })).status).toBe(403);
    const bad = await json<{ error: { issues: { path: string }[] } }>(call('POST', `${path}/activate`, 'duty', { version: 'one' }), 422);
    expect(bad.error.issues.map((i) => i.path)).toEqual(['body.version']);

    const started = await json<PlanActivation>(call('POST', `${path}/activate`, 'duty', { version: 1, fromAlertSent: true, note: '电话启动，补录' }));
    expect(started).toMatchObject({ state: 'active', startedBy: 'duty', startedAt: p!.alert!.sent, version: 2 });
    // A second officer deciding on what they saw before: 409 with the activation as it is now.
    const race = await json<{ error: { code: string }; activation: PlanActivation }>(call('POST', `${path}/activate`, 'admin', { version: 1 }), 409);
    expect(race).toMatchObject({ error: { code: 'conflict' }, activation: { state: 'active', version: 2 } });

    const ticked = await json<PlanActivation>(call('POST', `${path}/steps/order`, 'duty', { version: 2, done: true, note: '命令已印发' }));
    expect(ticked.steps).toEqual([expect.objectContaining({ stepId: 'order', done: true, by: 'duty', note: '命令已印发' })]);
    expect((await json<{ error: { code: string } }>(call('POST', `${path}/steps/order`, 'admin', { version: 3, done: true }), 409)).error.code).toBe('conflict');
    const noNote = await json<{ error: { issues: { path: string }[] } }>(call('POST', `${path}/steps/order`, 'duty', { version: 3, done: false }), 422);
    expect(noNote.error.issues.map((i) => i.path)).toEqual(['body.note']);
    expect((await call('POST', `${path}/steps/no-such-step`, 'duty', { version: 3, done: true })).status).toBe(404);
    const unticked = await json<PlanActivation>(call('POST', `${path}/steps/order`, 'admin', { version: 3, done: false, note: '签收未齐，重新下发' }));
    expect(unticked.steps).toEqual([expect.objectContaining({ stepId: 'order', done: false, by: 'admin', note: '签收未齐，重新下发' })]);
    expect(unticked.history.map((h) => h.kind)).toEqual(['proposed', 'activated', 'step_done', 'step_undone']);

    const level = await json<{ error: { issues: { path: string }[] } }>(call('POST', `${path}/level`, 'duty', { version: 4, responseLevel: 'V', note: 'x' }), 422);
    expect(level.error.issues.map((i) => i.path)).toEqual(['body.responseLevel']);
    const raised = await json<PlanActivation>(call('POST', `${path}/level`, 'duty', { version: 4, responseLevel: 'I', note: '台风将正面登陆，提级' }));
    expect(raised.history.at(-1)).toMatchObject({ kind: 'level_changed', actor: 'duty', from: 'II', to: 'I' });

    // Started two hours back: the steps of shorter limits are overdue in the handover's view.
    const [report] = (await srv.app.domain.plans.activationsInWindow({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() })).filter((r) => r.id === p!.id);
    expect(report!.progress).toMatchObject({ done: 0, total: 9 });
    // Limits of 30, 60, 120 and 120 minutes have passed.
    expect(report!.progress.overdue).toBe(4);
    expect(report!.levelHistory.map((h) => [h.from, h.to])).toEqual([['II', 'I']]);
  });

  it('sends resources to a step of a running plan, and to no step of a proposed one', async () => {
    const alertId = await send({ sourceId: 'plans-typhoon-dispatch', ...typhoon });
    const [p] = await activationsOf(alertId);
    const team = { resourceId: '441702-rescue-team-01', quantity: 12 };
    const toStep = (step: string) => call('POST', '/dispatch/assignments', 'duty', { ...team, target: { kind: 'plan_step', id: planStepTargetId(p!.id, step) } });
    expect((await toStep('order')).status).toBe(404);
    await json(call('POST', `/plans/activations/${p!.id}/activate`, 'duty', { version: 1 }));
    const sent = await json<Assignment>(toStep('order'), 201);
    expect(sent).toMatchObject({ target: { kind: 'plan_step', id: `${p!.id}:order` }, exercise: false, quantity: 12, state: 'assigned' });
    expect(sent.target.label).toContain('防台风');
    expect((await toStep('no-such-step')).status).toBe(404);
  });

  it('moves the response level with alert updates and proposes ending it when the alert is cancelled', async () => {
    const alertId = await send({ sourceId: 'plans-typhoon-3', ...typhoon });
    const [p] = await activationsOf(alertId);
    await json(call('POST', `/plans/activations/${p!.id}/activate`, 'duty', { version: 1 }));
    await send({ sourceId: 'plans-typhoon-3-u1', msgType: 'Update', references: ['plans-typhoon-3'], ...typhoon, level: 'red', event: '台风红色预警信号' });
    let [a] = await activationsOf(alertId);
    expect(a).toMatchObject({ responseLevel: 'I', alert: { level: 'red' } });
    await send({ sourceId: 'plans-typhoon-3-u2', msgType: 'Update', references: ['plans-typhoon-3-u1'], ...typhoon, level: 'yellow', event: '台风黄色预警信号' });
    [a] = await activationsOf(alertId);
    expect(a!.responseLevel).toBe('III');
    expect(a!.history.filter((h) => h.kind === 'level_changed').map((h) => [h.from, h.to, h.alertLevel, h.actor])).toEqual([
      ['II', 'I', 'red', null],
      ['I', 'III', 'yellow', null],
    ]);
    await send({ sourceId: 'plans-typhoon-3-c', msgType: 'Cancel', references: ['plans-typhoon-3-u2'], ...typhoon, level: 'yellow' });
    [a] = await activationsOf(alertId);
    expect(a).toMatchObject({ state: 'active', alertEnded: true, alert: { state: 'cancelled' } });
    const ended = await json<PlanActivation>(call('POST', `/plans/activations/${a!.id}/end`, 'duty', { version: a!.version, note: '台风已减弱，终止响应' }));
    expect(ended).toMatchObject({ state: 'ended', endedBy: 'duty' });
    expect(await activationsOf(alertId)).toEqual([]);
    expect((await activationsOf(alertId, '&state=ended')).map((x) => x.id)).toEqual([a!.id]);
  });

  it('drops a proposal with its cancelled or expired alert, and starts by itself at the plan levels', async () => {
    const dropped = await send({ sourceId: 'plans-rain-1', category: 'rainstorm', event: '暴雨黄色预警信号', level: 'yellow' });
    await send({ sourceId: 'plans-rain-1-c', msgType: 'Cancel', references: ['plans-rain-1'], category: 'rainstorm', event: '暴雨黄色预警信号', level: 'yellow' });
    expect((await activationsOf(dropped, '&state=ended'))[0]).toMatchObject({ state: 'ended', endedBy: null, startedAt: null });

    const expiring = await send({ sourceId: 'plans-geo-1', category: 'geological', event: '地质灾害气象风险黄色预警', level: 'yellow', expires: new Date(Date.now() + 1500).toISOString() });
    expect((await activationsOf(expiring))[0]).toMatchObject({ planId: 'geological', state: 'proposed', responseLevel: 'IV' });
    await new Promise((r) => setTimeout(r, 1600));
    await srv.app.domain.alerts.sweep();
    expect((await activationsOf(expiring, '&state=ended'))[0]).toMatchObject({ state: 'ended', alert: { state: 'expired' } });

    const auto = await send({ sourceId: 'plans-chem-1', category: 'hazchem', event: '危险化学品泄漏', level: 'orange' });
    expect((await activationsOf(auto))[0]).toMatchObject({ planId: 'hazchem', state: 'active', startedBy: null, responseLevel: 'II' });
    const lifted = await send({ sourceId: 'plans-typhoon-4', ...typhoon });
    await send({ sourceId: 'plans-typhoon-4-u', msgType: 'Update', references: ['plans-typhoon-4'], ...typhoon, level: 'red' });
    expect((await activationsOf(lifted))[0]).toMatchObject({ state: 'active', startedBy: null, responseLevel: 'I' });
  });

  it('keeps drill plans apart: an exercise alert proposes an exercise activation, never listed with the real ones', async () => {
    const drillAlert = await send({ sourceId: 'plans-drill-1', status: 'Exercise', ...typhoon });
    const [d] = await activationsOf(drillAlert);
    expect(d!.exercise).toBe(true);
    const real = (await json<{ items: PlanActivation[] }>(call('GET', '/plans/activations?exercise=false', 'leader'))).items;
    expect(real.length).toBeGreaterThan(0);
    expect(real.every((x) => !x.exercise)).toBe(true);
    const drill = (await json<{ items: PlanActivation[] }>(call('GET', '/plans/activations?exercise=true', 'leader'))).items;
    expect(drill.map((x) => x.id)).toEqual([d!.id]);
  });

  it('writes every command to the audit log', async () => {
    const audit = async (action: string) => (await json<{ items: { actor: string; target: string; detail: Record<string, unknown> }[] }>(call('GET', `/audit?action=${action}`, 'admin'))).items;
    const activations = await audit('plan.activate');
    expect(activations.length).toBeGreaterThanOrEqual(2);
    expect(activations.find((e) => (e.detail as { note?: string }).note === '电话启动，补录')).toMatchObject({
      actor: 'duty',
      detail: { before: { state: 'proposed' }, after: { state: 'active' }, plan: 'typhoon' },
    });
    expect((await audit('plan.step_done')).map((e) => e.actor)).toContain('duty');
    expect((await audit('plan.step_undone')).map((e) => e.actor)).toContain('admin');
    expect(await audit('plan.level')).toHaveLength(1);
    expect(await audit('plan.end')).toHaveLength(1);
  });
});
