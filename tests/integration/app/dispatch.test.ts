import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent } from '../../fixtures/payloads.js';
import type { Assignment } from '../../../shared/schemas/dispatch.js';
import type { ItemUsage } from '../../../shared/domain/dispatch.js';

type User = 'leader' | 'duty' | 'grid' | 'admin';
const WAREHOUSE = '441702-warehouse-01';
const TEAM = '441702-rescue-team-02';
const FOREIGN_TEAM = '441704-rescue-team-01';

describe.each(['pglite', 'postgres'] as const)('dispatch API on %s', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
    await schema?.drop();
  });

  const send = async (method: 'POST' | 'PATCH', path: string, body: unknown, user: User = 'duty') =>
    fetch(`${srv.url}/api/v1/dispatch${path}`, { method, headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ingested = async (path: string, body: unknown) => ((await (await srv.ingest(path, body)).json()) as { ids: string[] }).ids[0]!;
  const newCase = () => ingested('/api/v1/ingest/grid-events', gridEvent());
  const usage = async (id: string, exercise = false) => {
    const { items } = (await (await srv.get(`/api/v1/dispatch/resources?exercise=${exercise}`)).json()) as { items: Array<{ id: string; usage: Record<string, ItemUsage> }> };
    return items.find((r) => r.id === id)!.usage;
  };

  it('dispatches a team to a case, pushes it live within a second, audits it, and shows it committed', async () => {
    const caseId = await newCase();
    const live = await liveClient(srv.url, await srv.token('leader'));
    await live.subscribe({ topics: ['dispatch'] });
    const res = await send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: TEAM, quantity: 12, note: '携带排涝设备' });
    expect(res.status).toBe(201);
    const a = (await res.json()) as Assignment;
    expect(a).toMatchObject({ kind: 'team', item: 'people', quantity: 12, state: 'assigned', exercise: false, target: { kind: 'case', id: caseId, label: '井盖破损' } });
    const pushed = await live.waitFor('dispatch', (d) => (d.items as Assignment[]).some((x) => x.id === a.id), 1000);
    expect(pushed.items[0]).toMatchObject({ id: a.id, state: 'assigned' });
    expect((await usage(TEAM)).people).toEqual({ total: 150, committed: 12, free: 138 });

    const moved = await send('PATCH', `/assignments/${a.id}`, { state: 'en_route' });
    expect(((await moved.json()) as Assignment).history.map((h) => h.state)).toEqual(['assigned', 'en_route']);
    await live.waitFor('dispatch', (d) => (d.items as Assignment[]).some((x) => x.id === a.id && x.state === 'en_route'), 1000);
    live.close();

    const audit = (await (await srv.get(`/api/v1/audit?target=assignment:${a.id}`, 'admin')).json()) as { items: Array<{ action: string; actor: string }> };
    expect(audit.items.map((e) => e.action).sort()).toEqual(['dispatch.assign', 'dispatch.update']);
    const listed = (await (await srv.get(`/api/v1/dispatch/assignments?targetKind=case&targetId=${caseId}`)).json()) as { items: Assignment[] };
    expect(listed.items.map((x) => x.id)).toEqual([a.id]);
  });

  it('lets only one of several officers racing for the last sandbags win', async () => {
    const caseId = await newCase();
    const total = (await send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: WAREHOUSE, material: 'sandbags', quantity: 1 }).then((r) => r.json())) as Assignment;
    const free = (await usage(WAREHOUSE)).sandbags!.free;
    const first = await send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: WAREHOUSE, material: 'sandbags', quantity: free - 10 });
    expect(first.status).toBe(201);
    const racers = await Promise.all(
      ['duty', 'admin', 'duty', 'admin'].map((u) => send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: WAREHOUSE, material: 'sandbags', quantity: 10 }, u as User)),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const refused = (await racers.find((r) => r.status === 409)!.json()) as { error: { code: string; message: string; issues: { path: string }[] }; item: string; free: number };
    expect(refused).toMatchObject({ error: { code: 'insufficient_stock', issues: [{ path: 'body.quantity' }] }, item: 'sandbags', free: 0 });
    expect(refused.error.message).toContain('sandbags');
    expect((await usage(WAREHOUSE)).sandbags!.free).toBe(0);
    expect((await send('PATCH', `/assignments/${total.id}`, { state: 'cancelled' })).status).toBe(200);
    expect((await usage(WAREHOUSE)).sandbags!.free).toBe(1);
  });

  it('opens a shelter with its occupancy, follows arrivals and departures, and refuses more than its capacity naming the field', async () => {
    const SHELTER = '441702-shelter-03'; // 大角湾游客中心避护点, capacity 1200 in the pack
    const alertId = await ingested('/api/v1/ingest/alerts', alertJson({ category: 'typhoon', level: 'orange' }));
    const opened = await send('POST', '/assignments', { target: { kind: 'alert', id: alertId }, resourceId: SHELTER, quantity: 150 });
    expect(opened.status).toBe(201);
    const a = (await opened.json()) as Assignment;
    expect(a).toMatchObject({ kind: 'shelter', item: 'occupancy', quantity: 150 });
    expect((await usage(SHELTER)).occupancy).toEqual({ total: 1200, committed: 150, free: 1050 });

    const arrived = (await (await send('PATCH', `/assignments/${a.id}`, { quantity: 900, note: '第二批群众到达' })).json()) as Assignment;
    expect(arrived.history.map((h) => h.quantity)).toEqual([150, 900]);
    const left = (await (await send('PATCH', `/assignments/${a.id}`, { quantity: 600 })).json()) as Assignment;
    expect(left.quantity).toBe(600);
    expect((await usage(SHELTER)).occupancy).toEqual({ total: 1200, committed: 600, free: 600 });

    const over = await send('PATCH', `/assignments/${a.id}`, { quantity: 1201 });
    expect(over.status).toBe(409);
    const body = (await over.json()) as { error: { code: string; message: string; issues: { path: string }[] }; free: number; total: number };
    expect(body).toMatchObject({ error: { code: 'insufficient_stock', issues: [{ path: 'body.quantity' }] }, free: 600, total: 1200 });
    expect(body.error.message).toContain('shelters at most 1200 people: occupancy 1201 would exceed its capacity');
    const overOpen = await send('POST', '/assignments', { target: { kind: 'alert', id: alertId }, resourceId: SHELTER, quantity: 601 });
    expect(((await overOpen.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['body.quantity']);
    const negative = await send('PATCH', `/assignments/${a.id}`, { quantity: -1 });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['body.quantity']);
    expect((await usage(SHELTER)).occupancy!.committed).toBe(600);
  });

  it('keeps a drill alert’s assignments on the drill ledger', async () => {
    const drillAlert = await ingested('/api/v1/ingest/alerts', alertJson({ status: 'Exercise' }));
    const before = (await usage(WAREHOUSE)).tents?.committed ?? 0;
    const res = await send('POST', '/assignments', { target: { kind: 'alert', id: drillAlert }, resourceId: WAREHOUSE, material: 'tents', quantity: 20 });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Assignment).exercise).toBe(true);
    expect((await usage(WAREHOUSE)).tents?.committed ?? 0).toBe(before);
    expect((await usage(WAREHOUSE, true)).tents).toMatchObject({ committed: 20 });
    const real = (await (await srv.get('/api/v1/dispatch/assignments?exercise=false')).json()) as { items: Assignment[] };
    expect(real.items.every((x) => !x.exercise)).toBe(true);
  });

  it('answers bad input with a 4xx naming the field, and lets only duty and admin dispatch', async () => {
    const caseId = await newCase();
    const body = { target: { kind: 'case', id: caseId }, resourceId: TEAM, quantity: 1 };
    const issue = async (r: Response) => ({ status: r.status, path: ((await r.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path });
    expect(await issue(await send('POST', '/assignments', { ...body, target: { kind: 'incident', id: caseId } }))).toEqual({ status: 422, path: 'body.target.kind' });
    expect(await issue(await send('POST', '/assignments', { ...body, resourceId: 'nope' }))).toEqual({ status: 422, path: 'body.resourceId' });
    expect(await issue(await send('POST', '/assignments', { ...body, resourceId: WAREHOUSE }))).toEqual({ status: 422, path: 'body.material' });
    expect(await issue(await send('POST', '/assignments', { ...body, resourceId: WAREHOUSE, material: 'chainsaws' }))).toEqual({ status: 422, path: 'body.material' });
    expect(await issue(await send('POST', '/assignments', { ...body, quantity: 0 }))).toEqual({ status: 422, path: 'body.quantity' });
    expect(await issue(await send('POST', '/assignments', { ...body, target: { kind: 'case', id: '00000000-0000-0000-0000-000000000000' } }))).toEqual({ status: 404, path: 'body.target.id' });
    expect(await issue(await send('POST', '/assignments', { ...body, target: { kind: 'plan_step', id: 'step-1' } }))).toEqual({ status: 404, path: 'body.target.id' });
    const a = (await (await send('POST', '/assignments', body)).json()) as Assignment;
    expect(await issue(await send('PATCH', `/assignments/${a.id}`, {}))).toEqual({ status: 422, path: 'body.state' });
    expect(await issue(await send('PATCH', `/assignments/${a.id}`, { state: 'arrived' }))).toEqual({ status: 422, path: 'body.state' });
    for (const user of ['leader', 'grid'] as const) expect((await send('POST', '/assignments', body, user)).status).toBe(403);
    expect((await send('PATCH', `/assignments/${a.id}`, { state: 'done' }, 'grid')).status).toBe(403);
  });

  it('shows a grid user only the assignments of its districts', async () => {
    const caseId = await newCase();
    const foreign = (await (await send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: FOREIGN_TEAM, quantity: 2 })).json()) as Assignment;
    const own = (await (await send('POST', '/assignments', { target: { kind: 'case', id: caseId }, resourceId: TEAM, quantity: 2 })).json()) as Assignment;
    const seen = ((await (await srv.get('/api/v1/dispatch/assignments', 'grid')).json()) as { items: Assignment[] }).items.map((x) => x.id);
    expect(seen).toContain(own.id);
    expect(seen).not.toContain(foreign.id);
    expect((await srv.get(`/api/v1/dispatch/assignments/${foreign.id}`, 'grid')).status).toBe(404);
    expect((await srv.get(`/api/v1/dispatch/assignments/${foreign.id}`, 'leader')).status).toBe(200);
  });
});
