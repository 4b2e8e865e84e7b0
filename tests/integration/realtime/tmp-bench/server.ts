import http from 'node:http';
import { fork } from 'node:child_process';
import { Server } from 'socket.io';
import { openDb } from '../../../../server/src/store/db.js';
import { migrate } from '../../../../server/src/store/migrate.js';
import { createLiveHub } from '../../../../server/src/realtime/index.js';
import { kpi, observation, gridCase } from '../live-items.js';

const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const PROCS = 2;
const DURATION = Number(process.env.DURATION ?? 10_000);
const db = await openDb({ dataDir: 'memory://' });
await migrate(db);
const server = http.createServer();
const io = new Server(server, { serveClient: false });
const log = { debug() {}, info() {}, warn: console.warn, error: console.error };
const hub = createLiveHub({ io: io as never, db, log, flushIntervalMs: Number(process.env.FLUSH ?? 20),
  verifyToken: async (t) => t === 'grid' ? { username: 'g', role: 'grid', districts: ['441702'] } : { username: 'l', role: 'leader', districts: null },
  snapshot: async () => [] });
await hub.ready;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const kids = Array.from({ length: PROCS }, (_, i) => fork('tests/integration/realtime/tmp-bench/clients.ts', [String(port), String(CLIENTS / PROCS), String(i)], { execArgv: ['--import', 'tsx'] }));
await Promise.all(kids.map((k) => new Promise((r) => k.once('message', r))));
console.log('clients ready', hub.stats().clients);
const t0 = Date.now();
let n = 0;
const MODE = process.env.MODE ?? 'all';
const iv = setInterval(() => {
  if (MODE === 'env') { const now = new Date().toISOString(); const o = observation(`o${n++}`, n % 2 ? '441702' : '441704'); o.observedAt = now; hub.publish('env', [o]); return; }
  const now = new Date().toISOString();
  const items = [observation(`o${n}`, n % 2 ? '441702' : '441704')]; items[0]!.observedAt = now;
  hub.publish('env', items);
  const g = gridCase(`g${n}`, '441702'); g.updatedAt = now; hub.publish('grid', [g]);
  const k = kpi('441700'); k.computedAt = now; hub.publish('kpi', [k]);
  const k2 = kpi('441702'); k2.computedAt = now; hub.publish('economy' as any, [{ ...k2, region: '441702', updatedAt: now }] as any);
  const k3 = kpi('441704'); k3.computedAt = now; hub.publish('alerts' as any, [{ ...k3, districts: ['441704'], updatedAt: now }] as any);
  n++;
}, 2);
await new Promise((r) => setTimeout(r, DURATION));
clearInterval(iv);
await hub.flush();
await new Promise((r) => setTimeout(r, 1000));
const elapsed = (Date.now() - t0) / 1000;
const results: any[] = await Promise.all(kids.map((k) => new Promise((r) => { k.once('message', r); k.send('report'); })));
const lat = results.flatMap((r) => r.lat).sort((a, b) => a - b);
const deliveries = results.reduce((s, r) => s + r.deliveries, 0);
const gaps = results.reduce((s, r) => s + r.gaps, 0);
console.log({ itemDeliveriesPerSec: Math.round(results.reduce((s, r) => s + r.items, 0) / (DURATION / 1000)), elapsed, stats: hub.stats(), deliveries, perSec: Math.round(deliveries / (DURATION / 1000)), gaps,
  p50: lat[Math.floor(lat.length * 0.5)], p99: lat[Math.floor(lat.length * 0.99)], max: lat.at(-1), samples: lat.length });
for (const k of kids) k.kill();
await hub.close(); await io.close(); await db.close();
