import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_KEY, liveClient, pgSchema } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { GridCase } from '../../../shared/schemas/index.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startNode(env: Record<string, string>): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SIMULATE: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`node exited with ${proc.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, proc };
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('node did not become ready');
}

describe('two server processes share PostgreSQL and fan out through Redis', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>>;
  let a: { url: string; proc: ChildProcess };
  let b: { url: string; proc: ChildProcess };
  beforeAll(async () => {
    schema = await pgSchema();
    const env = { DATABASE_URL: schema.url, REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'two-node-test-secret-two-node-test-secret' };
    a = await startNode(env);
    b = await startNode(env);
  }, 90_000);
  afterAll(async () => {
    for (const n of [a, b]) {
      if (!n || n.proc.exitCode !== null) continue;
      n.proc.kill('SIGTERM');
      await new Promise((r) => n.proc.once('exit', r));
    }
    await schema.drop();
  });

  it('an event ingested on node A reaches a client of node B, in seq order', async () => {
    const login = await fetch(`${b.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: 'demo' }) });
    const { token } = (await login.json()) as { token: string };
    const client = await liveClient(b.url, token);
    const ack = await client.subscribe({ topics: ['grid'] });
    if (!ack.ok) throw new Error('subscribe failed');
    const events = [gridEvent(), gridEvent(), gridEvent()];
    for (const [i, ev] of events.entries()) {
      const node = i % 2 === 0 ? a : b;
      const res = await fetch(`${node.url}/api/v1/ingest/grid-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${INGEST_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(ev),
      });
      expect(res.status).toBe(202);
    }
    const received = () => new Set(client.deltas.flatMap((d) => (d.items as GridCase[]).map((c) => c.sourceId)));
    for (const ev of events) await client.waitFor('grid', () => received().has(ev.sourceId), 15_000);
    const grid = client.deltas.filter((d) => d.topic === 'grid');
    const got = grid.flatMap((d) => (d.items as GridCase[]).map((c) => c.sourceId));
    expect(got).toEqual(expect.arrayContaining(events.map((e) => e.sourceId)));
    expect(new Set(got).size).toBe(got.length);
    grid.forEach((d, i) => expect(d.seq).toBe(ack.data.topics.grid!.seq + 1 + i));
    client.close();
  }, 60_000);

  it('shuts down gracefully on SIGTERM: readiness drops, the process exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => a.proc.once('exit', (code) => resolve(code)));
    a.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  }, 30_000);
});
