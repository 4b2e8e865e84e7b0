import { openDb } from './server/src/store/db.js';
import { migrate } from './server/src/store/migrate.js';
import { loadCityPack } from './server/src/city/city-pack.js';
import { loadSimCity } from './mock-data/simulator/city.js';
import { fixtureCase } from './bench/lib/case-fixture-gen.js';
import { addCase } from './server/src/domain/rollups/case-contribution.js';
import { applyDeltas } from './server/src/domain/rollups/rollups.repository.js';
import { rollupContext } from './server/src/domain/rollups/rollup-context.js';
const [city, pack] = await Promise.all([loadSimCity('441700'), loadCityPack('441700')]);
const spec = { city, gridResolution: pack.manifest.gridResolution, seed: 1, now: Date.now(), days: 400 };
const ctx = rollupContext(pack.categoryByCode, pack.manifest);
const d = new Map();
for (let i=0;i<15000;i++) { const c = fixtureCase(spec,i); addCase(d, c.record, c.timeline.map(s=>({at:s.at,status:s.status,action:s.action??null})), ctx, 1); }
console.log(d.size);
const db = await openDb({ dataDir: 'memory://' });
await migrate(db);
for (let k=0;k<3;k++){
let t = performance.now();
await db.transaction((tx)=>applyDeltas(tx, d), {untimed:true});
console.log('applyDeltas', Math.round(performance.now()-t));
}
let t = performance.now();
const s = JSON.stringify([...d.values()].map(({key,c})=>({...key,...c})));
console.log('stringify', Math.round(performance.now()-t), s.length);
t = performance.now();
await db.query('select count(*) from json_to_recordset($1::json) as x(day date, district text, cell text)', [s]);
console.log('json parse only', Math.round(performance.now()-t));
t = performance.now();
await db.query('select 1 where $1::text is not null', [s]);
console.log('send text only', Math.round(performance.now()-t));
await db.close();
