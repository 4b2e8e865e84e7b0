import { openDb } from './server/src/store/db.js';
import { migrate } from './server/src/store/migrate.js';
import { loadCaseFixture } from './bench/lib/case-fixture.js';
import { rmSync } from 'node:fs';
const N = Number(process.argv[2] ?? 50000);
const url = process.argv[3];
rmSync('/tmp/scale-load', { recursive: true, force: true });
let t = performance.now();
if (url) { const a = await openDb({ databaseUrl: url, dataDir: '' }); await a.exec('drop schema if exists scl cascade; create schema scl'); await a.close(); }
const db = await openDb({ dataDir: '/tmp/scale-load', databaseUrl: url ? url + '?options=' + encodeURIComponent('-c search_path=scl') : undefined });
await migrate(db);
console.log('open+migrate', Math.round(performance.now()-t)); t = performance.now();
const r = await loadCaseFixture(db, { count: N, onProgress: (n) => n % 50000 === 0 && console.log(n, Math.round(performance.now()-t)) });
console.log(r);
await db.close();
