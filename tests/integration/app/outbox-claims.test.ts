import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../server/src/store/db.js';
import { openTestDb } from '../../helpers/test-db.js';
import { pgSchema } from '../../helpers/test-server.js';
import { claimDue, markDelivered } from '../../../server/src/domain/warnings/outbox.repository.js';
import { retryDelay } from '../../../server/src/domain/warnings/webhook-delivery.js';

/** Two nodes on one PostgreSQL claiming the same outbox: each row goes to exactly one of them. */
describe('webhook outbox claims across nodes (PostgreSQL)', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let a: Db;
  let b: Db;
  const ROWS = 300;

  beforeAll(async () => {
    schema = await pgSchema();
    a = await openTestDb({ databaseUrl: schema.url });
    b = await openDb({ databaseUrl: schema.url, dataDir: '' });
    await a.exec(`insert into webhook_receivers (id, name, url, categories, levels, exercises, secret, enabled, created_by, created_at)
      select 'r' || i, 'r' || i, 'http://127.0.0.1:1/', '{}', '{}', false, 's', true, 'admin', now() from generate_series(1, 3) i`);
    await a.exec(`insert into warning_messages (id, series_id, msg_type, exercise, state, content, drafted_by, drafted_at, sender, sent, xml)
      select 'm' || i, 'm' || i, 'Alert', false, 'published', '{"headline": "h"}', 'duty', now(), 'city-cockpit/warnings', now(), '<alert/>' from generate_series(1, ${ROWS / 3}) i`);
    await a.exec(`insert into webhook_outbox (id, receiver_id, message_id, next_attempt_at, created_at)
      select r.id || '-' || m.id, r.id, m.id, now(), now() from webhook_receivers r cross join warning_messages m`);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema?.drop();
  });

  it('never hands one row to both, and leaves none unclaimed', async () => {
    const claim = async (db: Db) => (await claimDue(db, { perReceiver: 7, busy: [], leaseMs: 60_000, limit: 200 })).map((r) => r.id);
    const x: string[] = [];
    const y: string[] = [];
    // Round by round, both nodes claim at the same moment.
    for (;;) {
      const [cx, cy] = await Promise.all([claim(a), claim(b)]);
      if (!cx.length && !cy.length) break;
      x.push(...cx);
      y.push(...cy);
    }
    expect(x.length + y.length).toBe(ROWS);
    expect(new Set([...x, ...y]).size).toBe(ROWS);
    expect(x.length).toBeGreaterThan(0);
    expect(y.length).toBeGreaterThan(0);
    // A delivered row is never claimed again, even after its lease.
    await markDelivered(a, x[0]!, 200);
    await a.exec("update webhook_outbox set claimed_until = now() - interval '1 second'");
    const again: string[] = [];
    for (let c = await claim(b); c.length; c = await claim(b)) again.push(...c);
    expect(again).toHaveLength(ROWS - 1);
    expect(again).not.toContain(x[0]!);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const b0 = { baseMs: 1000, maxMs: 10_000 };
    expect(retryDelay(1, b0, () => 0)).toBe(500);
    expect(retryDelay(1, b0, () => 1)).toBe(1000);
    expect(retryDelay(3, b0, () => 1)).toBe(4000);
    expect(retryDelay(10, b0, () => 0.5)).toBe(7500);
  });
});
