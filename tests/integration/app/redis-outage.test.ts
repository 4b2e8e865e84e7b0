import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';

/** A Redis server of this test's own, so stopping it disturbs no other test. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
  });
  return child;
}

/** Polls `check` until it holds (state changes arrive through reconnect events, not on a schedule). */
async function eventually(check: () => Promise<boolean>, label: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('a Redis outage degrades a node instead of taking it out of rotation', () => {
  let port: number;
  let redis: ChildProcess;
  let srv: TestServer;
  let readyz: { status: number; body: { status: string; redis?: string } };
  const probe = async () => {
    const res = await fetch(`${srv.url}/readyz`);
    readyz = { status: res.status, body: (await res.json()) as typeof readyz.body };
    return readyz;
  };
  const redisUp = async () => /^cockpit_redis_up (\d)/m.exec(await (await fetch(`${srv.url}/metrics`)).text())?.[1];

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    srv = await startTestServer({ redisUrl: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await srv?.close();
    redis?.kill('SIGKILL');
  });

  it('stays ready, reports redis degraded, keeps ingesting and signing in, and recovers', async () => {
    expect((await probe()).body).toMatchObject({ status: 'ready', redis: 'ok' });
    expect(await redisUp()).toBe('1');

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    await eventually(async () => (await probe()).body.redis === 'degraded', 'readyz to report redis degraded');
    expect(readyz.status).toBe(200);
    expect(readyz.body).toMatchObject({ status: 'ready', redis: 'degraded' });
    expect(await redisUp()).toBe('0');
    expect((await srv.ingest('/api/v1/ingest/grid-events', gridEvent())).status).toBe(202);
    const login = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duty', password: 'demo' }) });
    expect(login.status).toBe(200);

    redis = await startRedis(port);
    await eventually(async () => (await probe()).body.redis === 'ok', 'readyz to report redis ok again');
    expect(await redisUp()).toBe('1');
  });
});
