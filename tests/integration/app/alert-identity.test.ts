import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, capXml } from '../../fixtures/payloads.js';
import type { Alert } from '../../../shared/schemas/index.js';

const CAP = 'application/cap+xml';
const A = 'yjqx@gd.gov.cn';
const B = 'forest-fire@yj.gov.cn';
const SENT_A = '2026-09-01T08:00:00+08:00';
const SENT_B = '2026-09-01T08:05:00+08:00';

type Ingested = { ids: string[] };
type Failure = { error: { code: string; issues: { path: string }[] } };

describe('CAP identity: sender, identifier and sent together (CAP 1.2)', () => {
  let srv: TestServer;
  let idA = '';
  const alertById = async (id: string) => (await (await srv.get(`/api/v1/alerts/${id}`)).json()) as Alert;
  const count = async (table: string) => (await srv.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => srv.close());

  it('stores two senders numbering alike as two alerts, each re-send once', async () => {
    const a = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: '0071', sender: A, sent: SENT_A }), CAP);
    const b = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: '0071', sender: B, sent: SENT_B, severity: 'Extreme', event: '森林火险红色预警信号' }), CAP);
    expect([a.status, b.status]).toEqual([202, 202]);
    idA = ((await a.json()) as Ingested).ids[0]!;
    const [idB] = ((await b.json()) as Ingested).ids;
    expect(idB).not.toBe(idA);
    expect(await alertById(idB!)).toMatchObject({ sender: B, sourceId: '0071', level: 'red', event: '森林火险红色预警信号', kind: 'warning' });
    expect(await alertById(idA)).toMatchObject({ sender: A, sourceId: '0071', level: 'orange', senderName: null });
    // The CAP senderName is kept; a sender the city pack knows is named from the pack when the message names none.
    const named = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'named', sender: 'qxt-441700@gd.cma.gov.cn', sent: SENT_A }), CAP);
    expect(await alertById(((await named.json()) as Ingested).ids[0]!)).toMatchObject({ senderName: '阳江市气象台' });
    const own = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'own', sender: B, sent: SENT_A, senderName: '阳江市林业局' }), CAP);
    expect(await alertById(((await own.json()) as Ingested).ids[0]!)).toMatchObject({ senderName: '阳江市林业局' });

    const again = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: '0071', sender: B, sent: SENT_B, severity: 'Extreme', event: '森林火险红色预警信号' }), CAP);
    expect(((await again.json()) as Ingested).ids).toEqual([idB]);
    // The same instant written in another offset is the same message.
    const sameInstant = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId: '0071', sender: A, sent: '2026-09-01T00:00:00Z' }));
    expect(((await sameInstant.json()) as Ingested).ids).toEqual([idA]);
    expect(await count('alerts')).toBe(4);
  });

  it('resolves references by the triple: an Update from sender B never touches sender A', async () => {
    const up = await srv.ingest(
      '/api/v1/ingest/cap',
      capXml({ identifier: '0072', sender: B, sent: '2026-09-01T09:00:00+08:00', msgType: 'Update', references: `${B},0071,${SENT_B}`, severity: 'Moderate', event: '森林火险黄色预警信号' }),
      CAP,
    );
    expect(up.status).toBe(202);
    const [idB] = ((await up.json()) as Ingested).ids;
    expect(await alertById(idB!)).toMatchObject({ sender: B, level: 'yellow' });
    expect(await alertById(idA)).toMatchObject({ level: 'orange', state: 'active' });

    // A JSON bare identifier means the referring sender's own message.
    const cancel = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId: '0073', sender: B, msgType: 'Cancel', references: ['0071'] }));
    expect(((await cancel.json()) as Ingested).ids).toEqual([idB]);
    expect((await alertById(idB!)).state).toBe('cancelled');
    expect((await alertById(idA)).state).toBe('active');

    // Naming sender A's message explicitly does not let sender B change it.
    const foreign = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: '0074', sender: B, sent: '2026-09-01T11:00:00+08:00', msgType: 'Cancel', references: `${A},0071,${SENT_A}` }), CAP);
    expect(foreign.status).toBe(422);
    expect(((await foreign.json()) as Failure).error.issues[0]!.path).toBe('alert.references');
  });

  it('never answers 202 for what it did not store', async () => {
    const before = { alerts: await count('alerts'), messages: await count('alert_messages') };
    const cancel = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'c-unknown', sender: B, sent: SENT_B, msgType: 'Cancel', references: `${B},never-sent,${SENT_B}` }), CAP);
    expect(cancel.status).toBe(422);
    expect(((await cancel.json()) as Failure).error.issues.map((i) => i.path)).toEqual(['alert.references']);
    // A wrong `sent` is another message: not a match.
    const wrongSent = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'c-wrong', sender: A, sent: SENT_B, msgType: 'Cancel', references: `${A},0071,2026-09-01T07:00:00+08:00` }), CAP);
    expect(wrongSent.status).toBe(422);
    expect({ alerts: await count('alerts'), messages: await count('alert_messages') }).toEqual(before);

    // An Update whose original never arrived is the warning in force: stored as a new alert.
    const orphan = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 'u-orphan', sender: B, sent: SENT_B, msgType: 'Update', references: `${B},missed,${SENT_A}` }), CAP);
    expect(orphan.status).toBe(202);
    const [id] = ((await orphan.json()) as Ingested).ids;
    expect(await alertById(id!)).toMatchObject({ sourceId: 'u-orphan', state: 'active' });

    // Test messages raise nothing but are stored, so the 202 is true.
    const test = await srv.ingest('/api/v1/ingest/cap', capXml({ identifier: 't-1', sender: A, sent: SENT_A, status: 'Test' }), CAP);
    expect(test.status).toBe(202);
    const { rows } = await srv.db.query("select alert_id from alert_messages where source_id = 't-1'");
    expect(rows).toEqual([{ alert_id: null }]);
  });

  it("refuses integrators sending as the city's own environment rules", async () => {
    const res = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sender: 'city-cockpit/env' }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Failure).error.issues[0]!.path).toBe('0.sender');
  });
});

describe('CAP identity on PostgreSQL: the same message sent in parallel', () => {
  it('is stored once and every request gets its alert id', async () => {
    const schema = await pgSchema();
    const srv = await startTestServer({ databaseUrl: schema.url });
    try {
      const xml = capXml({ identifier: 'race-1', sender: B, sent: SENT_B });
      const answers = await Promise.all(Array.from({ length: 6 }, () => srv.ingest('/api/v1/ingest/cap', xml, CAP)));
      expect(answers.map((r) => r.status)).toEqual(Array(6).fill(202));
      const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as Ingested).ids[0]));
      expect(new Set(ids).size).toBe(1);
      const { rows } = await srv.db.query<{ n: number }>("select count(*)::int as n from alerts where source_id = 'race-1'");
      expect(rows[0]!.n).toBe(1);
    } finally {
      await srv.close();
      await schema.drop();
    }
  });
});
