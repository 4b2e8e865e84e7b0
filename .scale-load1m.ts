import { openDb } from '/work/wt/scale/server/src/store/db.js';
import { migrate } from '/work/wt/scale/server/src/store/migrate.js';
import { loadCaseFixture } from '/work/wt/scale/bench/lib/case-fixture.js';
import { rmSync } from 'node:fs';
const N = Number(process.argv[2]);
const dir = process.argv[3];
const url = process.argv[4];
if (!url) rmSync(dir, { recursive: true, force: true });
let t = performance.now();
if (url) { const a = await openDb({ databaseUrl: url, dataDir: '' }); await a.exec(`drop schema if exists ${dir} cascade; create schema ${dir}`); await a.close(); }
const db = await openDb({ dataDir: dir, databaseUrl: url ? url + '?options=' + encodeURIComponent(`-c search_path=${dir}`) : undefined });
await migrate(db);
console.log('open+migrate', Math.round(performance.now()-t)); t = performance.now();
const r = await loadCaseFixture(db, { count: N, now: new Date('2026-12-07T00:00:00Z'), onProgress: (n) => n % 100000 === 0 && console.log(n, Math.round(performance.now()-t), new Date().toISOString()) });
console.log(r);
await db.close();
