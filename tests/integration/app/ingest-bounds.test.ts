import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, capXml, gridEvent } from '../../fixtures/payloads.js';

/** The server's clock, pinned: every bound is relative to it. */
const NOW = new Date('2026-07-01T04:00:00Z');
const FUTURE = '2099-01-01T00:00:00+08:00';
const ANCIENT = '0001-01-01T00:00:00Z';
const JUST_AHEAD = new Date(NOW.getTime() + 4 * 60_000).toISOString();
const TOO_FAR_AHEAD = new Date(NOW.getTime() + 6 * 60_000).toISOString();

describe('ingest refuses times from the future or before 2000, naming the field, for every stream and interface', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ now: () => NOW });
  });
  afterAll(async () => srv.close());

  const refused = async (res: Response, path: string) => {
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path)).toContain(path);
  };
  const count = async (table: string) => (await srv.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

  it('grid events (JSON): reportedAt and statusAt', async () => {
    await refused(await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ reportedAt: FUTURE })), '0.reportedAt');
    await refused(await srv.ingest('/api/v1/ingest/grid-events', [gridEvent({ reportedAt: NOW.toISOString() }), gridEvent({ reportedAt: ANCIENT })]), '1.reportedAt');
    await refused(await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ reportedAt: NOW.toISOString(), status: 'closed', statusAt: FUTURE })), '0.statusAt');
    await refused(await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ reportedAt: TOO_FAR_AHEAD })), '0.reportedAt');
    expect(await count('cases')).toBe(0);
    expect((await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ reportedAt: JUST_AHEAD }))).status).toBe(202);
  });

  it("observations (JSON): observedAt, so a reading from 2099 never becomes a station's latest", async () => {
    const reading = (observedAt: string) => ({ kind: 'air', stationId: '441702-air-01', observedAt, values: { pm25: 300 } });
    await refused(await srv.ingest('/api/v1/ingest/observations', [reading(FUTURE)]), '0.observedAt');
    await refused(await srv.ingest('/api/v1/ingest/observations', [reading(ANCIENT)]), '0.observedAt');
    expect(await count('observations')).toBe(0);
  });

  it('alerts (JSON and CAP): sent and effective; expires may lie ahead', async () => {
    await refused(await srv.ingest('/api/v1/ingest/alerts', alertJson({ sent: FUTURE })), '0.sent');
    await refused(await srv.ingest('/api/v1/ingest/alerts', alertJson({ sent: NOW.toISOString(), effective: FUTURE })), '0.effective');
    await refused(await srv.ingest('/api/v1/ingest/alerts', alertJson({ sent: NOW.toISOString(), expires: ANCIENT })), '0.expires');
    const cap = capXml({ identifier: 'future-1' }).replace(/<sent>[^<]*<\/sent>/, `<sent>${FUTURE}</sent>`);
    expect(cap).toContain(FUTURE);
    // CAP refusals name the CAP element.
    await refused(await srv.ingest('/api/v1/ingest/cap', cap, 'application/cap+xml'), 'alert.sent');
    expect(await count('alerts')).toBe(0);
    const ok = alertJson({ sent: NOW.toISOString(), expires: new Date(NOW.getTime() + 86_400_000).toISOString() });
    expect((await srv.ingest('/api/v1/ingest/alerts', ok)).status).toBe(202);
  });

  it('indicators (JSON and CSV): a period that has not begun, or one before 2000', async () => {
    await refused(await srv.ingest('/api/v1/ingest/indicators', [{ code: 'retail', region: '441700', period: '2026-08', value: 1 }]), '0.period');
    await refused(await srv.ingest('/api/v1/ingest/indicators', 'code,region,period,value\nretail,441700,2026-07,1\ngdp,441700,1999-Q4,1', 'text/csv'), '1.period');
    expect(await count('indicators')).toBe(0);
    expect((await srv.ingest('/api/v1/ingest/indicators', [{ code: 'retail', region: '441700', period: '2026-07', value: 1 }])).status).toBe(202);
  });
});
