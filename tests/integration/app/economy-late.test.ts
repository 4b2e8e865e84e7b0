import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type LiveClient, type TestServer } from '../../helpers/test-server.js';
import type { Indicator } from '../../../shared/schemas/index.js';

/** Growth stays right when data comes late (DOMAIN.md: 同比 and 环比 from stored periods). */
describe('economic growth when data comes late or is revised', () => {
  let srv: TestServer;
  let client: LiveClient;
  beforeEach(async () => {
    srv = await startTestServer();
    client = await liveClient(srv.url, await srv.token('leader'));
    expect((await client.subscribe({ topics: ['economy'] })).ok).toBe(true);
  });
  afterEach(async () => {
    client.close();
    await srv.close();
  });

  const send = (rows: Record<string, unknown>[]) => srv.ingest('/api/v1/ingest/indicators', rows);
  const pushed = (period: string, pred: (i: Indicator) => boolean) => client.waitFor('economy', (d) => (d.items as Indicator[]).some((i) => i.period === period && pred(i)));
  const stored = async (period: string) => {
    const { items } = (await (await srv.get(`/api/v1/indicators?code=retail&region=441700&year=${period.slice(0, 4)}`)).json()) as { items: Indicator[] };
    return items.find((i) => i.period === period)!;
  };

  it("fills this year's 同比 (current and cumulative) when last year's period arrives later, and pushes it", async () => {
    expect((await send([{ code: 'retail', region: '441700', period: '2026-03', value: 110, cumulative: 300 }])).status).toBe(202);
    expect((await stored('2026-03')).yoy).toBeNull();
    expect((await send([{ code: 'retail', region: '441700', period: '2025-03', value: 100, cumulative: 280 }])).status).toBe(202);
    const d = await pushed('2026-03', (i) => i.yoy !== null);
    const i = (d.items as Indicator[]).find((x) => x.period === '2026-03')!;
    expect(i.yoy).toBeCloseTo(0.1, 10);
    expect(i.cumulativeYoy).toBeCloseTo(300 / 280 - 1, 10);
    expect((await stored('2026-03')).yoy).toBeCloseTo(0.1, 10);
  });

  it('recomputes 同比 of next year and 环比 of the next period when a period is revised, keeping rates the source gave', async () => {
    await send([
      { code: 'retail', region: '441700', period: '2025-03', value: 100, cumulative: 280 },
      { code: 'retail', region: '441700', period: '2026-02', value: 100, cumulative: 190 },
      { code: 'retail', region: '441700', period: '2026-03', value: 110, cumulative: 300 },
      { code: 'retail', region: '441700', period: '2026-04', value: 120, cumulative: 420, yoy: 0.042 },
    ]);
    expect((await stored('2026-03')).mom).toBeCloseTo(0.1, 10);
    await send([{ code: 'retail', region: '441700', period: '2025-03', value: 88, cumulative: 250 }]);
    await pushed('2026-03', (i) => Math.abs(i.yoy! - (110 / 88 - 1)) < 1e-9);
    expect((await stored('2026-03')).cumulativeYoy).toBeCloseTo(300 / 250 - 1, 10);
    await send([{ code: 'retail', region: '441700', period: '2026-03', value: 96, cumulative: 286 }]);
    const d = await pushed('2026-04', (i) => Math.abs(i.mom! - (120 / 96 - 1)) < 1e-9);
    expect((d.items as Indicator[]).find((i) => i.period === '2026-04')!.yoy).toBe(0.042);
    expect((await stored('2026-03')).yoy).toBeCloseTo(96 / 88 - 1, 10);
  });

  it('refuses a region that is neither the city nor one of its districts with 422 naming region, storing nothing', async () => {
    const json = await send([
      { code: 'retail', region: '441702', period: '2026-03', value: 20 },
      { code: 'retail', region: '440100', period: '2026-03', value: 900 },
    ]);
    expect(json.status).toBe(422);
    const body = (await json.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues).toEqual([{ path: '1.region', message: expect.stringContaining('440100') }]);
    const csv = await srv.ingest('/api/v1/ingest/indicators', 'code,region,period,value\nretail,999999,2026-03,1', 'text/csv');
    expect(csv.status).toBe(422);
    expect(((await csv.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toMatch(/region$/);
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from indicators');
    expect(rows[0]!.n).toBe(0);
  });
});
