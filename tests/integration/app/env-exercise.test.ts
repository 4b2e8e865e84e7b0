import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import type { Observation } from '../../../shared/schemas/observation.js';

/** Issue 10 item 7: a drill reading is assessed from drill history only, a real one from real history only. */
describe('24-hour means keep real and drill readings apart', () => {
  let srv: TestServer;
  let station: string;
  beforeAll(async () => {
    srv = await startTestServer();
    const body = (await (await srv.get('/api/v1/stations?kind=air')).json()) as { items: Array<{ id: string }> };
    station = body.items[0]!.id;
  });
  afterAll(() => srv.close());

  /** One 2025 reading (HJ 633—2012: particles read as 24-hour means) and its stored 24-hour PM2.5. */
  const read = async (hour: number, pm25: number, exercise: boolean): Promise<number> => {
    const observedAt = `2025-06-01T${String(hour).padStart(2, '0')}:00:00+08:00`;
    const res = await srv.ingest('/api/v1/ingest/observations', [{ kind: 'air', stationId: station, observedAt, values: { pm25 }, exercise }]);
    expect(res.status).toBe(202);
    const { rows } = await srv.db.query<{ values: Observation['values'] }>('select "values" from observations where station_id = $1 and observed_at = $2 and exercise = $3', [station, observedAt, exercise]);
    return rows[0]!.values.pm25_24h!;
  };

  it('averages a drill reading with drill readings, and a real one with real ones', async () => {
    await read(8, 60, false);
    await read(9, 60, false);
    expect(await read(10, 200, true)).toBe(200);
    expect(await read(11, 200, true)).toBe(200);
    expect(await read(12, 60, false)).toBe(60);
  });
});
