import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { GridCase } from '../../../shared/schemas/grid-event.js';

/** Friday 4 December 2026, 16:00 China time: 1.5 working hours are left of the day. */
const FRIDAY_1600 = '2026-12-04T16:00:00+08:00';

describe('the deadline clock through the HTTP ingest and the desk’s dispatch', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ now: () => new Date('2026-12-04T16:00:00+08:00') });
  });
  afterAll(async () => srv.close());

  const dispatched = async (category: string, statusAt: string): Promise<GridCase> => {
    const res = await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ category, reportedAt: statusAt, status: 'dispatched', statusAt }));
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { ids: string[] }).ids[0]!;
    return ((await (await srv.get(`/api/v1/incidents/${id}`)).json()) as { case: GridCase }).case;
  };

  it('counts 21 working hours of road damage dispatched Friday 16:00 to Wednesday 16:00', async () => {
    // Fri 16:00–17:30 (1.5 h), weekend off, Mon 7 h, Tue 7 h, Wed 08:30–12:00 and 14:00–16:00 (5.5 h).
    const c = await dispatched('road_damage', FRIDAY_1600);
    expect(c.deadlineAt).toBe(new Date('2026-12-09T16:00:00+08:00').toISOString());
    expect(c.overdue).toBe(false);
  });

  it('counts natural hours for a missing manhole cover: Friday 18:00', async () => {
    expect((await dispatched('manhole_missing', FRIDAY_1600)).deadlineAt).toBe(new Date('2026-12-04T18:00:00+08:00').toISOString());
  });

  it('skips 国庆 2026 and works the make-up Saturday', async () => {
    // Wed 30 Sep 16:00–17:30, 1–7 Oct off, Thu 8 and Fri 9 Oct 7 h each, Sat 10 Oct (调休上班) 08:30–16:00.
    expect((await dispatched('road_damage', '2026-09-30T16:00:00+08:00')).deadlineAt).toBe(new Date('2026-10-10T16:00:00+08:00').toISOString());
  });

  it('gives a duty officer’s dispatch the same working-hours deadline', async () => {
    const res = await srv.ingest(
      '/api/v1/ingest/grid-events',
      gridEvent({ category: 'road_damage', reportedAt: '2026-12-04T15:30:00+08:00', status: 'registered', statusAt: '2026-12-04T15:40:00+08:00' }),
    );
    const id = ((await res.json()) as { ids: string[] }).ids[0]!;
    const read = async () => ((await (await srv.get(`/api/v1/incidents/${id}`, 'duty')).json()) as { case: GridCase }).case;
    const acted = await fetch(`${srv.url}/api/v1/incidents/${id}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token('duty')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'dispatch', version: (await read()).version, department: 'housing' }),
    });
    expect(acted.status).toBe(200);
    expect((await read()).deadlineAt).toBe(new Date('2026-12-09T16:00:00+08:00').toISOString());
  });

  it('tells Open311 clients the limit in working hours', async () => {
    const services = (await (await fetch(`${srv.url}/open311/v2/services.json`)).json()) as { service_code: string; description: string }[];
    expect(services.find((s) => s.service_code === 'road_damage')?.description).toMatch(/, 21 working hours$/);
    expect(services.find((s) => s.service_code === 'manhole_missing')?.description).toMatch(/, 2 h$/);
  });
});
