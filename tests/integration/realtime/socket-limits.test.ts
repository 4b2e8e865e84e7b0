import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseOtherNamespaces, socketServerOptions } from '../../../server/src/realtime/socket-policy.js';
import { startLiveServer, waitFor, type LiveServerHandle } from './live-harness.js';
import { alert, JIANGCHENG } from './live-items.js';
import { RawLiveClient } from './raw-live-client.js';

describe('live hub: hard cap on a client that never reads', () => {
  let server: LiveServerHandle | undefined;
  let raw: RawLiveClient | undefined;
  afterEach(async () => {
    raw?.close();
    await server?.close();
    server = undefined;
  });

  it('disconnects it once its alert backlog passes the cap (alerts are never shed), closing the transport so it reconnects', async () => {
    server = await startLiveServer({
      hub: { maxBufferedPackets: 8, maxBufferedBytes: 64 * 1024, hardCap: { packets: 40, bytes: 512 * 1024 } },
      // Heartbeats stretched: the cap, not a heartbeat timeout, must be what ends it.
      io: { pingInterval: 120_000, pingTimeout: 120_000 },
    });
    raw = await RawLiveClient.connect(server.url, 'leader-token');
    expect((await raw.subscribe({ topics: ['alerts'] })).ok).toBe(true);
    const socket = server.io.of('/live').sockets.get(raw.socketId)!;
    const reasons: string[] = [];
    socket.on('disconnect', (reason) => reasons.push(reason));
    raw.pause();
    let n = 0;
    // Bounded: ~40 MB at most before the test gives up.
    while (server.hub.stats().disconnectedOverCap === 0 && n < 400) {
      server.hub.publish(
        'alerts',
        Array.from({ length: 20 }, (_, i) => ({ ...alert(`a${n}-${i}`, [JIANGCHENG]), description: 'x'.repeat(5000) })),
      );
      await server.hub.flush();
      n++;
      await new Promise((r) => setImmediate(r));
    }
    expect(server.hub.stats().disconnectedOverCap).toBe(1);
    await waitFor(() => reasons.length > 0, 'the server-side disconnect');
    expect(reasons[0]).toMatch(/transport close|forced close/);
    expect(server.io.of('/live').sockets.has(raw.socketId)).toBe(false);
  });
});

describe('socket policy: connections that join no namespace', () => {
  let server: LiveServerHandle | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('closes an Engine.IO connection that joins no namespace, and refuses the default one', async () => {
    server = await startLiveServer({ io: socketServerOptions({ corsOrigins: null, connectTimeoutMs: 200 }), beforeHub: async (io) => refuseOtherNamespaces(io) });
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const messages: string[] = [];
    ws.on('message', (m) => {
      const msg = String(m);
      messages.push(msg);
      if (msg.startsWith('0{')) ws.send('40'); // the default namespace `/`
    });
    await new Promise((r) => ws.once('close', r));
    expect(messages.some((m) => m.startsWith('44') && m.includes('invalid_namespace'))).toBe(true);
  });
});
