import { afterEach, describe, expect, it } from 'vitest';
import type { LiveDelta } from '../../../shared/contracts/live.js';
import { connectClient, record, startLiveServer, waitFor, type LiveClient, type LiveServerHandle } from './live-harness.js';
import { alert, JIANGCHENG, observation } from './live-items.js';
import { RawLiveClient } from './raw-live-client.js';

const MAX_PACKETS = 8;
const PAD = 'x'.repeat(4096);

/** Packets Engine.IO holds for a server-side socket (not part of its public types). */
function serverBuffer(server: LiveServerHandle, socketId: string): number {
  const socket = server.io.of('/live').sockets.get(socketId);
  return (socket?.conn as unknown as { writeBuffer: unknown[] } | undefined)?.writeBuffer.length ?? -1;
}

describe('live hub: backpressure', () => {
  let server: LiveServerHandle | undefined;
  let raw: RawLiveClient | undefined;
  const clients: LiveClient[] = [];
  afterEach(async () => {
    raw?.close();
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = undefined;
  });

  it('sheds a paused client off non-alert topics, keeps its alerts, and asks it to resync once drained', async () => {
    // Heartbeats are stretched so the paused client is not timed out while the test runs.
    server = await startLiveServer({
      hub: { maxBufferedPackets: MAX_PACKETS, maxBufferedBytes: 1024 * 1024 },
      io: { pingInterval: 120_000, pingTimeout: 120_000 },
    });
    const healthy = await connectClient(server.url, 'leader-token');
    clients.push(healthy);
    const healthyGot = record(healthy);
    await healthy.emitWithAck('live:subscribe', { topics: ['env'] });
    raw = await RawLiveClient.connect(server.url, 'leader-token');
    const ack = await raw.subscribe({ topics: ['env', 'alerts'] });
    expect(ack.ok).toBe(true);

    raw.pause();
    let envSeq = 0;
    const publishEnv = async () => {
      server!.hub.publish(
        'env',
        Array.from({ length: 16 }, (_, i) => observation(`o${envSeq}-${i}`, JIANGCHENG, PAD)),
      );
      await server!.hub.flush();
      envSeq++;
      // PGlite answers without real I/O: let the healthy client read between publishes.
      await new Promise((r) => setTimeout(r, 1));
    };
    // Fill the kernel's socket buffers until the server notices (bounded: ~26 MB at most).
    for (let i = 0; i < 400 && server.hub.stats().droppedToResync === 0; i++) await publishEnv();
    expect(server.hub.stats().droppedToResync).toBe(1);

    const atDrop = serverBuffer(server, raw.socketId);
    for (let i = 0; i < 30; i++) await publishEnv();
    for (let i = 0; i < 3; i++) {
      server.hub.publish('alerts', [alert(`al${i}`, [JIANGCHENG])]);
      await server.hub.flush();
    }
    // Thirty more env deltas added nothing; only the three alerts were queued.
    expect(serverBuffer(server, raw.socketId)).toBeLessThanOrEqual(Math.max(atDrop, MAX_PACKETS + 1) + 3);

    raw.resume();
    await waitFor(() => raw!.events.some(([name]) => name === 'live:resync'), 'live:resync');
    const deltas = raw.events.filter(([name]) => name === 'live:delta').map(([, d]) => d as LiveDelta);
    expect(deltas.filter((d) => d.topic === 'alerts').map((d) => d.seq)).toEqual([1, 2, 3]);
    const envSeqs = deltas.filter((d) => d.topic === 'env').map((d) => d.seq);
    expect(envSeqs).toEqual(Array.from({ length: envSeqs.length }, (_, i) => i + 1));
    expect(envSeqs.length).toBeLessThan(envSeq);
    expect(raw.events.find(([name]) => name === 'live:resync')![1]).toEqual({ topics: ['env'] });

    // Re-subscribing with since catches up exactly from the log.
    const lastEnv = envSeqs.at(-1) ?? 0;
    const again = await raw.subscribe({ topics: ['env'], since: { env: lastEnv } });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data.topics.env!.missed!.map((d) => d.seq)).toEqual(Array.from({ length: envSeq - lastEnv }, (_, i) => lastEnv + i + 1));

    // The healthy client was never shed.
    await waitFor(() => healthyGot.deltas.length === envSeq, 'every env delta on the healthy client');
    expect(healthyGot.resyncs).toEqual([]);
  });
});
