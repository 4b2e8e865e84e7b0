import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveClient, pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson, gridEvent } from '../../fixtures/payloads.js';
import type { GridCase } from '../../../shared/schemas/index.js';

describe('PostgreSQL mode (DATABASE_URL): the same schema and queries on a real server', () => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  beforeEach(async () => {
    schema = await pgSchema();
    srv = await startTestServer({ databaseUrl: schema.url });
  });
  afterEach(async () => {
    await srv.close();
    await schema.drop();
  });

  it('runs on postgres, ingests every stream, pushes live and resumes with since', async () => {
    expect(srv.db.engine).toBe('postgres');
    const c = await liveClient(srv.url, await srv.token('leader'));
    await c.subscribe({ topics: ['grid', 'alerts'] });
    const ev = gridEvent();
    expect((await srv.ingest('/api/v1/ingest/grid-events', [ev, ev])).status).toBe(202);
    expect((await srv.ingest('/api/v1/ingest/alerts', alertJson())).status).toBe(202);
    const d = await c.waitFor('grid', (x) => (x.items as GridCase[]).some((i) => i.sourceId === ev.sourceId));
    c.close();
    const later = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', later);
    await srv.app.hub.flush();
    const again = await liveClient(srv.url, await srv.token('leader'));
    const ack = await again.subscribe({ topics: ['grid'], since: { grid: d.seq } });
    if (!ack.ok) throw new Error('subscribe failed');
    expect(ack.data.topics.grid!.missed!.flatMap((x) => x.items.map((i) => i.sourceId))).toEqual([later.sourceId]);
    again.close();
    const { rows } = await srv.db.query<{ n: number }>('select count(*)::int as n from cases');
    expect(rows[0]!.n).toBe(2);
    const ready = await fetch(`${srv.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});
