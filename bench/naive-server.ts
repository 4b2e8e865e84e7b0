/**
 * Bench child: the naive baseline. A plain Socket.IO server that accepts the same ingest
 * request and the same `/live` subscribe handshake as the real server, and for every ingested
 * event emits one `live:delta` to every subscribed socket individually — no batching window,
 * no rooms, so each emit encodes its packet anew. It stores nothing (no database), which
 * only favours it. Items carry the same fields as the real server's GridCase.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server, type Socket } from 'socket.io';
import { parseGridEvents } from '../server/src/ingest/json.adapter.js';
import { loadCityPack } from '../server/src/city/city-pack.js';
import { createLocator } from '../server/src/city/locate.js';
import { subscribeRequest, LIVE_NAMESPACE } from '../shared/contracts/live.js';
import type { GridCase } from '../shared/schemas/grid-event.js';
import { serveRequests, type Request } from './lib/ipc.js';
import { ResourceSampler } from './lib/resources.js';

const INGEST_KEY = 'demo-ingest-key';
const sampler = new ResourceSampler();
const counters = { events: 0, emits: 0 };
let server: http.Server | undefined;
let io: Server | undefined;

async function start(): Promise<{ url: string; pid: number }> {
  const city = await loadCityPack('441700');
  const locator = createLocator(city);
  const app = express();
  server = http.createServer(app);
  io = new Server(server);
  const nsp = io.of(LIVE_NAMESPACE);
  const subscribers = new Set<Socket>();
  let seq = 0;

  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    next(typeof token === 'string' && token.length > 0 ? undefined : new Error('unauthorized'));
  });
  nsp.on('connection', (socket) => {
    socket.on('live:subscribe', (raw: unknown, ack: (res: unknown) => void) => {
      const req = subscribeRequest.safeParse(raw);
      if (!req.success || !req.data.topics.includes('grid')) return ack({ ok: false, error: { code: 'validation_failed', message: 'grid only' } });
      subscribers.add(socket);
      ack({ ok: true, data: { topics: { grid: { seq, snapshot: [] } } } });
    });
    socket.on('disconnect', () => subscribers.delete(socket));
  });

  app.post('/api/v1/auth/login', (_req, res) => void res.json({ token: 'naive-token' }));
  app.post('/api/v1/ingest/grid-events', express.json({ limit: '10mb' }), (req, res) => {
    if (req.headers.authorization !== `Bearer ${INGEST_KEY}`) return void res.status(401).json({ code: 'unauthorized', message: 'bad key' });
    const events = parseGridEvents(req.body);
    const at = new Date().toISOString();
    const ids: string[] = [];
    for (const e of events) {
      const cat = city.categoryByCode.get(e.category);
      const item: GridCase = {
        id: randomUUID(),
        sourceId: e.sourceId,
        source: e.source,
        category: e.category,
        kind: e.kind ?? cat?.kind ?? 'incident',
        title: e.title,
        description: e.description ?? null,
        location: e.location,
        address: e.address ?? null,
        district: locator.district(e.location),
        gridCell: locator.gridCell(e.location),
        status: 'reported',
        department: null,
        reportedAt: new Date(e.reportedAt).toISOString(),
        dispatchedAt: null,
        deadlineAt: null,
        closedAt: null,
        overdue: false,
        escalated: false,
        exercise: e.exercise ?? false,
        updatedAt: at,
        version: 1,
        assignee: null,
        supervised: null,
        mergedInto: null,
        closeReason: null,
      };
      ids.push(item.id);
      const delta = { topic: 'grid', seq: ++seq, items: [item] };
      // The straightforward fan-out: one emit per event per socket.
      for (const socket of subscribers) {
        socket.emit('live:delta', delta);
        counters.emits++;
      }
      counters.events++;
    }
    res.status(202).json({ accepted: events.length, ids });
  });
  app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status ?? 500).json({ code: 'error', message: err.message });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, pid: process.pid };
}

serveRequests(
  {
    start,
    stats: (req: Request) => ({ resources: sampler.read(Number(req.start), Number(req.end)), naive: { ...counters } }),
  },
  async () => {
    sampler.stop();
    if (io) await new Promise<void>((resolve) => void io!.close(() => resolve()));
    server?.closeAllConnections();
  },
);
