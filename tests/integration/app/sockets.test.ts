import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const ALLOWED = 'https://wall.example.gov.cn';

describe('live sockets: namespaces, origins and a per-user bound', () => {
  let srv: TestServer;
  const open: Socket[] = [];
  beforeAll(async () => {
    srv = await startTestServer({ env: { CORS_ORIGIN: ALLOWED, LIVE_MAX_SOCKETS_PER_USER: '3' } });
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await srv.close();
  });

  /** Resolves with the socket once connected, or with the connect_error. */
  const attempt = (nsp: string, opts: { token?: string; origin?: string; transport?: 'websocket' | 'polling' } = {}) =>
    new Promise<{ socket?: Socket; error?: Error & { data?: { code?: string } } }>((resolve) => {
      const socket = connect(`${srv.url}${nsp}`, {
        auth: opts.token ? { token: opts.token } : {},
        transports: [opts.transport ?? 'websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: opts.origin ? { origin: opts.origin } : {},
      });
      open.push(socket);
      socket.once('connect', () => resolve({ socket }));
      socket.once('connect_error', (error) => resolve({ error }));
    });

  it('refuses the default namespace and any other but /live', async () => {
    const token = await srv.token('leader');
    const root = await attempt('/', { token });
    expect(root.error?.data?.code).toBe('invalid_namespace');
    const other = await attempt('/admin', { token });
    expect(other.error?.message).toMatch(/Invalid namespace/);
    expect((await attempt('/live', { token })).socket?.connected).toBe(true);
  });

  it('bounds the live sockets of one user, with a clear connect_error, and frees a slot on disconnect', async () => {
    const token = await srv.token('duty');
    const sockets = await Promise.all([1, 2, 3].map(() => attempt('/live', { token })));
    expect(sockets.every((s) => s.socket?.connected)).toBe(true);
    const over = await attempt('/live', { token });
    expect(over.error?.data?.code).toBe('too_many_connections');
    expect((await attempt('/live', { token: await srv.token('grid') })).socket?.connected).toBe(true); // another user
    const serverSide = srv.app.io.of('/live').sockets.get(sockets[0]!.socket!.id!)!;
    const gone = new Promise((r) => serverSide.once('disconnect', r));
    sockets[0]!.socket!.disconnect();
    await gone;
    expect((await attempt('/live', { token })).socket?.connected).toBe(true);
  });

  it('applies CORS_ORIGIN to websocket upgrades and long-polling alike', async () => {
    const token = await srv.token('admin');
    for (const transport of ['websocket', 'polling'] as const) {
      expect((await attempt('/live', { token, transport, origin: 'https://evil.example' })).error, transport).toBeDefined();
      const ok = await attempt('/live', { token, transport, origin: ALLOWED });
      expect(ok.socket?.connected, `${transport}: ${ok.error?.message}`).toBe(true);
    }
    // Its own origin is always allowed; non-browser clients send none.
    expect((await attempt('/live', { token, origin: srv.url })).socket?.connected).toBe(true);
    expect((await attempt('/live', { token: await srv.token('grid') })).socket?.connected).toBe(true);
  });

  it('counts connections and refusals in the metrics', async () => {
    const text = await (await fetch(`${srv.url}/metrics`)).text();
    expect(Number(/^cockpit_socket_connections (\d+)/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(Number(/^cockpit_live_refused_connections (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(4);
  });
});
