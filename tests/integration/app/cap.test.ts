import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { capXml } from '../../fixtures/payloads.js';
import type { Alert } from '../../../shared/schemas/index.js';

const CAP = 'application/cap+xml';

describe('CAP 1.2: Alert, Update and Cancel through references', () => {
  let srv: TestServer;
  beforeEach(async () => {
    srv = await startTestServer();
  });
  afterEach(async () => srv.close());

  it('follows one typhoon signal from orange to red to cancelled, with acknowledgement', async () => {
    const client = await liveClient(srv.url, await srv.token('duty'));
    await client.subscribe({ topics: ['alerts'] });
    const first = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'ty-1', sent: '2026-09-01T08:00:00+08:00' }), CAP);
    expect(first.status).toBe(202);
    const [id] = ((await first.json()) as { ids: string[] }).ids;
    const created = await client.waitFor('alerts', (d) => (d.items as Alert[]).some((a) => a.id === id));
    expect((created.items as Alert[])[0]).toMatchObject({ category: 'typhoon', level: 'orange', state: 'active', districts: expect.arrayContaining(['441702']) });

    const ack = await fetch(`${srv.url}/api/v1/alerts/${id}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token('duty')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: '已通知三防办' }),
    });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'duty', ackComment: '已通知三防办' });

    const refs = 'yjqx@gd.gov.cn,ty-1,2026-09-01T08:00:00+08:00';
    const up = await srv.ingest(
      '/api/v1/ingest/cap',
      capXml({ identifier: 'ty-2', sent: '2026-09-01T09:00:00+08:00', msgType: 'Update', references: refs, severity: 'Extreme', event: '台风红色预警信号' }),
      CAP,
    );
    expect(up.status).toBe(202);
    expect(((await up.json()) as { ids: string[] }).ids).toEqual([id]);
    const raised = await client.waitFor('alerts', (d) => (d.items as Alert[]).some((a) => a.id === id && a.level === 'red'));
    // A higher level is a new situation: it needs acknowledging again.
    expect((raised.items as Alert[]).find((a) => a.id === id)).toMatchObject({ level: 'red', state: 'active', acknowledgedBy: null, event: '台风红色预警信号' });

    const cancel = await srv.ingest(
      '/api/v1/ingest/cap',
      capXml({ identifier: 'ty-3', sent: '2026-09-01T10:00:00+08:00', msgType: 'Cancel', references: 'yjqx@gd.gov.cn,ty-2,2026-09-01T09:00:00+08:00' }),
      CAP,
    );
    expect(cancel.status).toBe(202);
    await client.waitFor('alerts', (d) => (d.items as Alert[]).some((a) => a.id === id && a.state === 'cancelled'));
    const running = (await (await srv.get('/api/v1/alerts')).json()) as { items: Alert[] };
    expect(running.items).toHaveLength(0);
    // Re-sending a message already applied changes nothing.
    expect((await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'ty-1', sent: '2026-09-01T08:00:00+08:00' }), CAP)).status).toBe(202);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from alerts');
    expect(rows[0]!.n).toBe(1);
    client.close();
  });

  it('keeps exercise alerts apart from real ones', async () => {
    await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'drill-1', sent: '2026-09-01T08:00:00+08:00', status: 'Exercise' }), CAP);
    const real = (await (await srv.get('/api/v1/alerts')).json()) as { items: Alert[] };
    expect(real.items).toHaveLength(0);
    const drill = (await (await srv.get('/api/v1/alerts?exercise=true')).json()) as { items: Alert[] };
    expect(drill.items.map((a) => a.exercise)).toEqual([true]);
    const mixed = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'real-up', msgType: 'Update', references: 'yjqx@gd.gov.cn,drill-1,2026-09-01T08:00:00+08:00' }), CAP);
    expect(mixed.status).toBe(422);
  });
});
