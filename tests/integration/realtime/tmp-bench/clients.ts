import { io } from 'socket.io-client';
const [port, count, idx] = process.argv.slice(2).map(Number);
let deliveries = 0, gaps = 0, items = 0;
const lat: number[] = [];
const last = new Map<string, number>();
const socks = [];
for (let i = 0; i < count!; i++) {
  const grid = i % 4 === 0;
  const s = io(`http://127.0.0.1:${port}/live`, { auth: { token: grid ? 'grid' : 'leader' }, transports: ['websocket'], forceNew: true, reconnection: false });
  socks.push(s);
  const key = String(i);
  s.on('live:delta', (d: any) => {
    deliveries++; items += d.items.length;
    const k = key + d.topic; const p = last.get(k); if (p !== undefined && d.seq !== p + 1) gaps++; last.set(k, d.seq);
    const it = d.items[0];
    if (it && (i % 10 === 0)) { const ts = it.observedAt ?? it.computedAt; if (ts) lat.push(Date.now() - Date.parse(ts)); }
  });
  await new Promise((r) => s.once('connect', r));
  const res: any = await s.emitWithAck('live:subscribe', { topics: ['grid', 'env', 'kpi', 'economy', 'alerts'] });
  for (const [t, v] of Object.entries(res.data.topics)) last.set(key + t, (v as any).seq);
}
process.send!('ready');
process.on('message', () => { process.send!({ deliveries, gaps, lat, items }); });
