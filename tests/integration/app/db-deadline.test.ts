import pg from 'pg';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { openPglite } from '../../../server/src/store/pglite.js';
import { DbTimeoutError } from '../../../server/src/store/deadline.js';
import { requestDeadline } from '../../../server/src/http/request-deadline.js';

describe('a database that does not answer makes requests fail fast with 503', () => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let other: pg.Client;
  beforeAll(async () => {
    schema = await pgSchema();
    // A short statement deadline, so the test does not wait for the default 10 s.
    srv = await startTestServer({ databaseUrl: schema.url, env: { DB_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '5000' } });
    other = new pg.Client({ connectionString: schema.url });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await srv.close();
    await schema.drop();
  });

  it('answers 503 db_unavailable while another session holds a lock on the table, and recovers after', async () => {
    await other.query('begin');
    await other.query('lock table cases in access exclusive mode');
    try {
      const res = await srv.get('/api/v1/incidents');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('db_unavailable');
    } finally {
      await other.query('rollback');
    }
    expect((await srv.get('/api/v1/incidents')).status).toBe(200);
  });
});

describe('deadlines on the embedded database and on requests', () => {
  it('a PGlite call waiting behind a stuck transaction fails with DbTimeoutError instead of hanging', async () => {
    const db = await openPglite('memory://', { timeoutMs: 200 });
    let finish!: () => void;
    const stuck = db.transaction(() => new Promise<void>((r) => (finish = r)));
    await expect(db.query('select 1')).rejects.toBeInstanceOf(DbTimeoutError);
    finish();
    await stuck;
    expect((await db.query<{ n: number }>('select 1 as n')).rows[0]!.n).toBe(1);
    await db.close();
  });

  it('a request without an answer gets 503 timeout at its deadline', async () => {
    const app = express();
    app.use(requestDeadline(100));
    app.get('/stuck', () => undefined);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/stuck`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('timeout');
    server.closeAllConnections();
    server.close();
  });
});
