import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { createIngestUse } from '../../../../server/src/audit/ingest-use.js';
import { hashIngestKey } from '../../../../server/src/auth/secrets.js';
import type { AuditEntry } from '../../../../server/src/domain/ports.js';
import type { Db, Queryable } from '../../../../server/src/store/db.js';

/** A database that knows one key and records what the summary writes. */
function fakeDb(opts: { fail?: () => boolean } = {}) {
  const touched: [string, string][] = [];
  const tx: Queryable = {
    async query<R>(sql: string, params: unknown[] = []) {
      if (sql.startsWith('select id, name, key_hash')) return { rows: [{ id: 'k1', name: 'sensors', key_hash: hashIngestKey('secret-key') }] as R[] };
      if (sql.startsWith('update ingest_keys')) touched.push([params[0] as string, params[1] as string]);
      return { rows: [] };
    },
  };
  const db = {
    engine: 'pglite',
    query: tx.query,
    transaction: async <T>(fn: (q: Queryable) => Promise<T>) => {
      if (opts.fail?.()) throw new Error('database down');
      return fn(tx);
    },
  } as unknown as Db;
  return { db, touched };
}

function request(use: ReturnType<typeof createIngestUse>, status: number, items?: number) {
  const req = { method: 'POST', baseUrl: '', route: { path: '/api/v1/ingest/cap' }, path: '/api/v1/ingest/cap', ip: '10.0.0.9' } as unknown as Request;
  const res = Object.assign(new EventEmitter(), { statusCode: status, locals: { ingestKey: 'secret-key', ingestItems: items } }) as unknown as Response;
  use.middleware(req, res, () => undefined);
  res.emit('finish');
}

describe('ingest-use summary', () => {
  it('writes one row per key and finished minute, and the current minute at stop', async () => {
    let t = Date.parse('2026-12-06T02:04:10Z');
    const entries: AuditEntry[] = [];
    const { db, touched } = fakeDb();
    const use = createIngestUse({ db, audit: { append: async (_q, e) => void entries.push(e) }, log: { error: () => undefined }, now: () => t, intervalMs: 3_600_000 });
    request(use, 202, 3);
    t += 20_000;
    request(use, 422);
    request(use, 202, 2);
    t += 40_000; // 02:05:10, the next minute
    request(use, 202, 1);
    await use.flush();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'sensors',
      role: 'ingest',
      action: 'ingest.use',
      target: 'k1',
      ip: '10.0.0.9',
      detail: {
        minute: '2026-12-06T02:04:00.000Z',
        requests: 3,
        failed: 1,
        items: 5,
        first: '2026-12-06T02:04:10.000Z',
        last: '2026-12-06T02:04:30.000Z',
        interfaces: { 'POST /api/v1/ingest/cap': 3 },
      },
    });
    expect(touched).toEqual([['k1', '2026-12-06T02:04:30.000Z']]);
    expect(use.lastIngestAt()).toBe('2026-12-06T02:05:10.000Z');
    await use.stop();
    expect(entries.map((e) => e.detail.minute)).toEqual(['2026-12-06T02:04:00.000Z', '2026-12-06T02:05:00.000Z']);
  });

  it('keeps the counts when a write fails and writes them on the next try', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-06T02:04:10Z') });
    try {
      let down = true;
      const entries: AuditEntry[] = [];
      const errors: unknown[] = [];
      const { db } = fakeDb({ fail: () => down });
      const use = createIngestUse({ db, audit: { append: async (_q, e) => void entries.push(e) }, log: { error: (o) => errors.push(o) }, intervalMs: 15_000 });
      request(use, 202, 1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(errors.length).toBeGreaterThan(0);
      expect(entries).toEqual([]);
      down = false;
      await vi.advanceTimersByTimeAsync(15_000);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.detail).toMatchObject({ requests: 1, items: 1 });
      await use.stop();
      expect(entries).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
