import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent } from '../../fixtures/payloads.js';
import type { HandoverReport, HandoverSummary } from '../../../shared/contracts/handover.js';
import type { DutyShift } from '../../../shared/schemas/roster.js';

type User = 'leader' | 'duty' | 'duty2' | 'grid' | 'admin';
const HOUR = 3_600_000;

/** Issue 13 (值班值守): the roster kept by an administrator and a shift handed over from one officer to the next, on both engines. */
describe.each([
  ['PGlite', false],
  ['PostgreSQL', true],
])('duty roster and handover API on %s', (_engine, postgres) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  const t0 = Date.now();
  beforeEach(async () => {
    schema = postgres ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
  });
  afterEach(async () => {
    await srv.close();
    await schema?.drop();
  });

  const send = async (method: string, path: string, user: User, body?: unknown, type = 'application/json') =>
    fetch(`${srv.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': type },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const issues = async (res: Response) => ((await res.json()) as { error: { issues: { path: string; message: string }[] } }).error.issues;
  const shift = (from: number, to: number, officer = 'duty') => ({
    startsAt: new Date(from).toISOString(),
    endsAt: new Date(to).toISOString(),
    leader: { name: 'leader', phone: '0662-3316001' },
    officers: [{ name: officer, phone: '0662-3316011' }, { name: '王磊' }],
    note: '白班',
  });
  const audited = async (action: string) => (await srv.db.query('select actor from audit_log where action = $1', [action])).rows.map((r) => r.actor);

  it('keeps shifts (admin only), refuses overlaps and end before start naming the field, and says who is on duty now', async () => {
    const now = await send('POST', '/api/v1/roster', 'admin', shift(t0 - 2 * HOUR, t0 + 6 * HOUR));
    expect(now.status).toBe(201);
    const current = (await now.json()) as DutyShift;
    expect((await send('POST', '/api/v1/roster', 'duty', shift(t0 + 6 * HOUR, t0 + 18 * HOUR))).status).toBe(403);
    const overlap = await send('POST', '/api/v1/roster', 'admin', shift(t0 + 5 * HOUR, t0 + 18 * HOUR));
    expect(overlap.status).toBe(422);
    expect((await issues(overlap))[0]).toMatchObject({ path: 'body.startsAt', message: expect.stringContaining(current.id) });
    const backwards = await send('POST', '/api/v1/roster', 'admin', shift(t0 + 9 * HOUR, t0 + 8 * HOUR));
    expect((await issues(backwards))[0]!.path).toBe('body.endsAt');
    const noOfficer = await send('POST', '/api/v1/roster', 'admin', { ...shift(t0 + 6 * HOUR, t0 + 18 * HOUR), officers: [] });
    expect((await issues(noOfficer))[0]!.path).toBe('body.officers');
    const next = (await (await send('POST', '/api/v1/roster', 'admin', shift(t0 + 6 * HOUR, t0 + 18 * HOUR, 'duty2'))).json()) as DutyShift;

    const onDuty = (await (await srv.get('/api/v1/roster/now', 'grid')).json()) as { current: DutyShift; next: DutyShift };
    expect(onDuty.current).toMatchObject({ id: current.id, leader: { name: 'leader' }, officers: [{ name: 'duty' }, { name: '王磊' }] });
    expect(onDuty.next.id).toBe(next.id);
    const listed = (await (await srv.get('/api/v1/roster', 'duty')).json()) as { items: DutyShift[] };
    expect(listed.items.map((s) => s.id)).toEqual([current.id, next.id]);

    const moved = await send('PUT', `/api/v1/roster/${next.id}`, 'admin', { ...shift(t0 + 6 * HOUR, t0 + 20 * HOUR, 'duty2'), note: '延长' });
    expect(((await moved.json()) as DutyShift).note).toBe('延长');
    expect((await send('DELETE', `/api/v1/roster/${next.id}`, 'admin')).status).toBe(204);
    expect((await send('DELETE', `/api/v1/roster/${next.id}`, 'admin')).status).toBe(404);
    expect(await audited('roster.create')).toEqual(['admin', 'admin']);
    expect(await audited('roster.delete')).toEqual(['admin']);
  });

  it('imports a CSV in Beijing time all or nothing, each bad line named with its field', async () => {
    const template = await send('GET', '/api/v1/roster/template.csv', 'admin');
    expect(await template.text()).toContain('开始时间,结束时间,带班领导');
    const bad =
      '开始时间,结束时间,带班领导,值班员\n2031-03-01 08:30,2031-03-01 17:30,leader,duty\n2031-03-01 17:00,2031-03-02 08:30,leader,duty2\n2031-03-02 8:30,yesterday,leader,duty\n2031-03-03 08:30,2031-03-03 17:30,leader,\n';
    const refused = await send('POST', '/api/v1/roster/import', 'admin', bad, 'text/csv');
    expect(refused.status).toBe(422);
    expect((await issues(refused)).map((i) => i.path).sort()).toEqual(['lines.3.startsAt', 'lines.4.endsAt', 'lines.5.officers']);
    expect(((await (await srv.get('/api/v1/roster?from=2031-03-01T00:00:00Z&to=2031-03-05T00:00:00Z')).json()) as { items: unknown[] }).items).toEqual([]);

    const good =
      '开始时间,结束时间,带班领导,带班领导电话,值班员,值班员电话,备注\n2031-03-01 08:30,2031-03-01 17:30,leader,0662-1,duty;张伟,0662-2;138,白班\n2031-03-01 17:30,2031-03-02 08:30,陈志强,,duty2,,夜班\n';
    const res = await send('POST', '/api/v1/roster/import', 'admin', good, 'text/csv');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: 2, replaced: 0 });
    const items = ((await (await srv.get('/api/v1/roster?from=2031-03-01T00:00:00Z&to=2031-03-05T00:00:00Z')).json()) as { items: DutyShift[] }).items;
    expect(items.map((s) => [s.startsAt, s.endsAt])).toEqual([
      ['2031-03-01T00:30:00.000Z', '2031-03-01T09:30:00.000Z'],
      ['2031-03-01T09:30:00.000Z', '2031-03-02T00:30:00.000Z'],
    ]);
    expect(items[0]!.officers).toEqual([
      { name: 'duty', phone: '0662-2' },
      { name: '张伟', phone: '138' },
    ]);
    const again = await send('POST', '/api/v1/roster/import', 'admin', good, 'text/csv');
    expect((await issues(again)).map((i) => i.path)).toEqual(['lines.2.startsAt', 'lines.3.startsAt']);
    expect(await (await send('POST', '/api/v1/roster/import?replace=true', 'admin', good, 'text/csv')).json()).toEqual({ imported: 2, replaced: 2 });
    expect((await send('POST', '/api/v1/roster/import', 'duty', good, 'text/csv')).status).toBe(403);
  });

  it('drafts the shift report from its alerts and cases, submits it, has another officer sign it once, and exports it', async () => {
    const s = (await (await send('POST', '/api/v1/roster', 'admin', shift(t0 - HOUR, t0 + 8 * HOUR))).json()) as DutyShift;
    const [alertId] = ((await (await srv.ingest('/api/v1/ingest/alerts', alertJson({ level: 'red', headline: '阳江市气象台发布暴雨红色预警信号' }))).json()) as { ids: string[] }).ids;
    await srv.ingest('/api/v1/ingest/alerts', alertJson({ headline: '没人确认的黄色预警' }));
    await srv.ingest('/api/v1/ingest/alerts', alertJson({ headline: '演练台风预警', status: 'Exercise' }));
    expect((await send('POST', `/api/v1/alerts/${alertId}/ack`, 'duty', { comment: '已通知三防办' })).status).toBe(200);
    const [caseId] = ((await (await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ title: '井盖缺失 交接测试' }))).json()) as { ids: string[] }).ids;
    const team = { target: { kind: 'case', id: caseId }, resourceId: '441702-rescue-team-01', quantity: 6 };
    expect((await send('POST', '/api/v1/dispatch/assignments', 'duty', team)).status).toBe(201);
    await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ title: '演练案件', exercise: true }));
    expect((await send('POST', '/api/v1/drills', 'duty', { name: '防台风指挥演练', scenario: 'typhoon' })).status).toBe(201);

    const draft = (await (await send('GET', '/api/v1/handovers/draft', 'duty')).json()) as HandoverReport;
    expect(draft).toMatchObject({ id: null, shift: { id: s.id } });
    const section = (id: string) => draft.sections.find((x) => x.id === id)!;
    const figure = (id: string, key: string) => section(id).figures.find((f) => f.key === key)!.value;
    expect(draft.sections.map((x) => x.id)).toEqual(['alerts', 'plans', 'dispatch', 'cases', 'overdue', 'events', 'openItems']);
    expect([figure('dispatch', 'assignments'), figure('dispatch', 'people')]).toEqual([1, 6]);
    expect(section('dispatch').tables[0]!.rows[0]).toMatchObject({ resource: '441702-rescue-team-01', kind: 'team', quantity: 6, target: '井盖缺失 交接测试', state: 'assigned' });
    expect([figure('alerts', 'received'), figure('alerts', 'acknowledged'), figure('alerts', 'unacknowledged')]).toEqual([2, 1, 1]);
    const alertRows = section('alerts').tables.find((t) => t.key === 'alerts')!.rows;
    expect(alertRows.find((r) => r.level === 'red')).toMatchObject({ acknowledgedBy: 'duty', waitMinutes: expect.any(Number) });
    expect(
      section('alerts')
        .tables.find((t) => t.drill)!
        .rows.map((r) => r.headline),
    ).toEqual(['演练台风预警']);
    expect(figure('cases', 'opened')).toBe(1);
    expect(
      section('cases')
        .tables.find((t) => t.key === 'cases')!
        .rows.map((r) => r.title),
    ).toEqual(['井盖缺失 交接测试']);
    expect(
      section('cases')
        .tables.find((t) => t.key === 'cases.drill')!
        .rows.map((r) => r.title),
    ).toEqual(['演练案件']);
    expect(section('events').tables[0]!.rows.map((r) => r.text)).toEqual(['阳江市气象台发布暴雨红色预警信号']);
    // The shift ran a drill: the report says so, and the drill's start is a notable event of the drill table only.
    expect(draft.drills.map((d) => d.name)).toEqual(['防台风指挥演练']);
    expect(
      section('events')
        .tables.find((t) => t.drill)!
        .rows.map((r) => [r.kind, r.text]),
    ).toEqual([['drill_started', '防台风指挥演练']]);
    expect(section('openItems').tables[0]!.rows.map((r) => r.text)).toEqual(['没人确认的黄色预警']);
    expect((await send('GET', '/api/v1/handovers/draft', 'leader')).status).toBe(403);
    expect((await issues(await send('GET', '/api/v1/handovers/draft?shiftId=nope', 'duty')))[0]!.path).toBe('shiftId');

    const submitted = await send('POST', '/api/v1/handovers', 'duty', { shiftId: s.id, note: '红色预警已处置，黄色预警待接班确认' });
    expect(submitted.status).toBe(201);
    const report = (await submitted.json()) as HandoverReport;
    expect(report).toMatchObject({ submittedBy: 'duty', signedBy: null, note: '红色预警已处置，黄色预警待接班确认' });
    // Frozen figures: what happens after submission is not in the stored report.
    await srv.ingest('/api/v1/ingest/alerts', alertJson({ headline: '交班后的预警' }));
    expect((await send('POST', `/api/v1/handovers/${report.id}/sign`, 'duty', {})).status).toBe(409);
    expect((await send('POST', `/api/v1/handovers/${report.id}/sign`, 'leader', {})).status).toBe(403);
    const signed = await send('POST', `/api/v1/handovers/${report.id}/sign`, 'duty2', { comment: '已接班' });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ signedBy: 'duty2', signComment: '已接班', signedAt: expect.any(String) });
    const twice = await send('POST', `/api/v1/handovers/${report.id}/sign`, 'admin', {});
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('already_signed');
    expect((await send('POST', '/api/v1/handovers', 'duty', { shiftId: s.id })).status).toBe(409);

    const stored = (await (await srv.get(`/api/v1/handovers/${report.id}`, 'leader')).json()) as HandoverReport;
    expect(stored.sections).toEqual(report.sections);
    const list = (await (await srv.get('/api/v1/handovers', 'leader')).json()) as { items: HandoverSummary[] };
    expect(list.items.map((r) => [r.id, r.signedBy])).toEqual([[report.id, 'duty2']]);
    expect((await srv.get('/api/v1/handovers', 'grid')).status).toBe(403);

    const bytes = await (await srv.get(`/api/v1/handovers/${report.id}/report.csv`, 'leader')).arrayBuffer();
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFF值班日报 / 交接班记录')).toBe(true);
    expect(csv).toContain('接收时间,级别,事件');
    expect(csv).toContain('Received,Level,Event');
    expect(csv).toMatch(/井盖缺失 交接测试,江城区,信息采集/);
    expect(csv).toContain('红色,暴雨黄色预警信号,阳江市气象台发布暴雨红色预警信号,duty');
    expect(csv).toContain('预警明细（演练） / Alerts (drill),演练 / drill');
    expect(csv).not.toContain('交班后的预警');
    expect(csv).toContain('演练,Drill,防台风指挥演练');
    expect(await audited('handover.submit')).toEqual(['duty']);
    expect(await audited('handover.sign')).toEqual(['duty2']);
  });
});
