import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, capXml } from '../../fixtures/payloads.js';
import { createAlertService } from '../../../server/src/domain/alerts/alerts.service.js';
import type { AuditEntry } from '../../../server/src/domain/ports.js';
import { CITY_DUTY_SENDER, type Alert, type AlertHistoryEntry } from '../../../shared/schemas/alert.js';

const CAP = 'application/cap+xml';
type Detail = Alert & { history: AlertHistoryEntry[] };

describe('alert history, acknowledgement audit and the CAP Ack', () => {
  let srv: TestServer;
  let clock = new Date('2026-09-01T00:00:00Z');
  beforeAll(async () => {
    srv = await startTestServer({ now: () => clock });
  });
  beforeEach(() => {
    clock = new Date('2026-09-01T00:00:00Z');
  });
  afterAll(async () => srv.close());

  const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));
  const detail = async (id: string, user: 'leader' | 'grid' = 'leader') => (await (await srv.get(`/api/v1/alerts/${id}`, user)).json()) as Detail;
  const ack = async (id: string, comment: string) =>
    fetch(`${srv.url}/api/v1/alerts/${id}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token('duty')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment }),
    });
  const capAck = async (id: string, user: 'duty' | 'grid' = 'duty') => srv.get(`/api/v1/alerts/${id}/cap-ack`, user);
  const ingestCap = async (xml: string) => ((await (await srv.ingest('/api/v1/ingest/cap', xml, CAP)).json()) as { ids: string[] }).ids[0]!;

  it('records received, each escalation step, an acknowledgement and an Update with what changed, oldest first', async () => {
    const id = await ingestCap(capXml({ identifier: 'ty-1', sent: '2026-09-01T08:00:00+08:00' }));
    minutes(21); // orange: a step every 10 minutes
    await srv.app.domain.alerts.sweep();
    await srv.app.domain.alerts.sweep(); // nothing new: no second entry per step
    expect((await ack(id, '已通知三防办')).status).toBe(200);
    minutes(1);
    const up = capXml({
      identifier: 'ty-2',
      sent: '2026-09-01T08:20:00+08:00',
      msgType: 'Update',
      references: 'yjqx@gd.gov.cn,ty-1,2026-09-01T08:00:00+08:00',
      severity: 'Extreme',
      event: '台风红色预警信号',
      polygon: '21.80,111.90 21.99,111.90 21.99,112.20 21.80,112.20 21.80,111.90',
    });
    expect(await ingestCap(up)).toBe(id);

    const { history } = await detail(id);
    expect(history.map((h) => [h.kind, h.step ?? null])).toEqual([
      ['received', null],
      ['escalated', 1],
      ['escalated', 2],
      ['acknowledged', null],
      ['updated', null],
    ]);
    expect(history[0]).toMatchObject({ actor: 'yjqx@gd.gov.cn', at: '2026-09-01T00:00:00.000Z', message: { sender: 'yjqx@gd.gov.cn', identifier: 'ty-1', sent: '2026-09-01T08:00:00+08:00' } });
    expect(history[1]).toMatchObject({ actor: null, at: '2026-09-01T00:10:00.000Z' });
    expect(history[3]).toMatchObject({ actor: 'duty', comment: '已通知三防办' });
    const changes = history[4]!.changes!;
    expect(changes.map((c) => c.field)).toEqual(['level', 'event', 'headline', 'areas']);
    expect(changes[0]).toEqual({ field: 'level', from: 'orange', to: 'red' });
    // The geometry is summarised, never dumped.
    expect(changes[3]).toEqual({ field: 'areas', from: { names: ['阳江市江城区、阳东区沿海'], points: 5 }, to: { names: ['阳江市江城区、阳东区沿海'], points: 5 } });
  });

  it('records a Cancel and an expiry', async () => {
    const cancelled = await ingestCap(capXml({ identifier: 'c-1', sent: '2026-09-01T08:00:00+08:00' }));
    await ingestCap(capXml({ identifier: 'c-2', sent: '2026-09-01T08:00:30+08:00', msgType: 'Cancel', references: 'yjqx@gd.gov.cn,c-1,2026-09-01T08:00:00+08:00' }));
    expect((await detail(cancelled)).history.map((h) => h.kind)).toEqual(['received', 'cancelled']);
    expect((await detail(cancelled)).history[1]).toMatchObject({ actor: 'yjqx@gd.gov.cn', message: { identifier: 'c-2' } });

    const res = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sent: clock.toISOString(), expires: new Date(clock.getTime() + 5 * 60_000).toISOString() }));
    const [expiring] = ((await res.json()) as { ids: string[] }).ids;
    minutes(6);
    await srv.app.domain.alerts.sweep();
    expect((await detail(expiring!)).history.map((h) => [h.kind, h.actor])).toEqual([
      ['received', 'yjqx@gd.gov.cn'],
      ['expired', null],
    ]);
  });

  it('writes the acknowledgement to the audit log in its own transaction', async () => {
    const id = await ingestCap(capXml({ identifier: 'au-1', sent: '2026-09-01T08:00:00+08:00' }));
    const entries: AuditEntry[] = [];
    const service = createAlertService({ db: srv.db, districtsForAreas: () => [], sink: { publish: () => {} }, now: () => clock, audit: { append: async (_q, e) => void entries.push(e) } });
    await service.acknowledge(id, { username: 'duty', role: 'duty', districts: null, ip: '10.0.0.7' }, '收到');
    expect(entries).toEqual([
      expect.objectContaining({
        actor: 'duty',
        role: 'duty',
        action: 'alert.acknowledge',
        target: `alert:${id}`,
        ip: '10.0.0.7',
        detail: expect.objectContaining({ before: { state: 'active', escalation: 0 }, after: expect.objectContaining({ state: 'acknowledged', ackComment: '收到' }) }),
      }),
    ]);
    // A failing audit write rolls the acknowledgement back.
    const other = await ingestCap(capXml({ identifier: 'au-2', sent: '2026-09-01T08:00:00+08:00' }));
    const broken = createAlertService({ db: srv.db, districtsForAreas: () => [], sink: { publish: () => {} }, audit: { append: () => Promise.reject(new Error('audit down')) } });
    await expect(broken.acknowledge(other, { username: 'duty', role: 'duty', districts: null }, '收到')).rejects.toThrow('audit down');
    expect((await detail(other)).state).toBe('active');
    expect((await detail(other)).history.map((h) => h.kind)).toEqual(['received']);
  });

  it('answers the acknowledgement as a CAP 1.2 Ack naming the acknowledged message', async () => {
    const id = await ingestCap(capXml({ identifier: 'ack-me', sent: '2026-09-01T08:00:00+08:00' }));
    const early = await capAck(id);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('not_acknowledged');
    minutes(3);
    await ack(id, '已转三防办');
    const res = await capAck(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
    const xml = await res.text();
    const msg = new XMLParser({ parseTagValue: false }).parse(xml).alert as Record<string, string>;
    expect(msg).toMatchObject({
      identifier: `ack-${id}-${Date.parse('2026-09-01T00:03:00Z')}`,
      sender: CITY_DUTY_SENDER,
      sent: '2026-09-01T00:03:00-00:00',
      status: 'Actual',
      msgType: 'Ack',
      references: 'yjqx@gd.gov.cn,ack-me,2026-09-01T08:00:00+08:00',
      note: 'duty: 已转三防办',
    });
    expect(Object.keys(msg)).toEqual(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'restriction', 'note', 'references']);
    // Stable: the same acknowledgement gives the same message.
    expect(await (await capAck(id)).text()).toBe(xml);
  });

  it('mirrors an exercise, names a JSON alert by its stored identity, and hides alerts outside a grid user', async () => {
    const sent = '2026-08-31T23:59:00.000Z';
    const res = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId: 'json-drill', sent, status: 'Exercise', districts: ['441781'] }));
    const [id] = ((await res.json()) as { ids: string[] }).ids;
    await ack(id!, '演练签收');
    const xml = await (await capAck(id!)).text();
    expect(xml).toContain('<status>Exercise</status>');
    expect(xml).toContain('<references>yjqx@gd.gov.cn,json-drill,2026-08-31T23:59:00-00:00</references>');
    // The duty desk's sender is the city's own: no integrator sends under it.
    const forged = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sender: CITY_DUTY_SENDER, sent }));
    expect(forged.status).toBe(422);
    expect(((await forged.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('0.sender');
    // 441781 is outside the grid user's 江城区: it does not exist for them.
    expect((await capAck(id!, 'grid')).status).toBe(404);
    expect((await srv.get(`/api/v1/alerts/${id}`, 'grid')).status).toBe(404);
  });

  it('synthesises history for alerts stored before it was kept', async () => {
    const id = await ingestCap(capXml({ identifier: 'old-1', sent: '2026-09-01T08:00:00+08:00' }));
    clock = new Date(); // the migration compares with the database's own receipt times
    await ack(id, '旧签收');
    await srv.db.query('delete from alert_history');
    const { readFileSync } = await import('node:fs');
    const sql = readFileSync(new URL('../../../server/src/store/migrations/009_alert_history.sql', import.meta.url), 'utf8');
    for (const stmt of sql
      .split(/;\s*$/m)
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => s.startsWith('insert')))
      await srv.db.query(stmt);
    const { history } = await detail(id);
    expect(history.map((h) => [h.kind, h.actor])).toEqual([
      ['received', 'yjqx@gd.gov.cn'],
      ['acknowledged', 'duty'],
    ]);
    expect(history[1]).toMatchObject({ comment: '旧签收', message: { identifier: 'old-1', sent: '2026-09-01T08:00:00+08:00' } });
  });
});
