import { loadSimCity } from './city-pack-loader.js';
import { SimEngine } from './engine.js';
import { gridEventInput, observationInput, indicatorInput, alertInput } from '../../shared/schemas/index.js';
import { toRequests } from './requests.js';
const city = loadSimCity('441700');
console.log(city.districts.map(d => [d.name, d.weight.toFixed(2), d.coastal, d.bbox.map(x=>x.toFixed(2)).join(',')]));
const scen = (process.argv[2] ?? 'normal') as 'normal';
const start = Date.parse('2026-11-20T00:00:00+08:00');
const e = new SimEngine({ city, seed: 1, scenario: scen, start });
const init = e.initial();
const t0 = Date.now();
const msgs = [...init, ...e.advance(start + Number(process.argv[3] ?? 24) * 3600_000)];
console.log('ms', Date.now() - t0, 'pending', e.pending);
const by: Record<string, number> = {};
let bad = 0;
const newCases = new Map<number, number>();
const cats: Record<string, number> = {};
const statuses: Record<string, number> = {};
for (const m of msgs) {
  by[m.channel] = (by[m.channel] ?? 0) + 1;
  const schema = m.channel === 'grid' ? gridEventInput : m.channel === 'observation' ? observationInput : m.channel === 'alert' ? alertInput : null;
  if (schema && !schema.safeParse(m.payload).success) { bad++; if (bad < 3) console.log(JSON.stringify(schema.safeParse(m.payload).error?.issues)); }
  if (m.channel === 'indicators') for (const r of m.payload) if (!indicatorInput.safeParse(r).success) bad++;
  if (m.channel === 'grid') { statuses[m.payload.status!] = (statuses[m.payload.status!] ?? 0) + 1; if (m.payload.status === 'reported') { const h = new Date(m.at + 8*3600e3).getUTCHours(); newCases.set(h, (newCases.get(h) ?? 0) + 1); cats[m.payload.category] = (cats[m.payload.category] ?? 0) + 1; } }
  if (m.channel === 'alert') console.log(m.payload.sent, m.payload.msgType, m.payload.level, m.payload.headline, m.payload.references);
}
console.log(by, 'bad', bad, statuses);
console.log([...newCases.entries()].sort((a,b)=>a[0]-b[0]).map(([h,n])=>`${h}:${n}`).join(' '));
console.log(Object.entries(cats).sort((a,b)=>b[1]-a[1]).slice(0,40).map(([c,n])=>`${c}:${n}`).join(' '));
const reqs = toRequests(msgs, 'k');
console.log('requests', reqs.length, reqs.filter(r=>r.channel==='alert')[0]?.body.slice(0, 1500));
console.log(reqs.filter(r=>r.contentType==='text/csv').map(r=>r.body.slice(0,300)));
const air = msgs.filter(m => m.channel === 'observation' && m.payload.kind === 'air').slice(0, 3).map(m => JSON.stringify(m.payload));
console.log(air);
