// Initialises a new data folder of the embedded database (PGlite's initdb) in a process of
// its own, started by pglite.ts: initdb's engine takes several hundred MB that a thread of
// the server would keep (the allocator holds on to it), while an ended process returns it.
// Usage: node pglite-init.mjs <data folder> [start parameters…]. Plain JavaScript, like the worker.
import { PGlite } from '@electric-sql/pglite';

const [dataDir, ...params] = process.argv.slice(2);
const lite = await PGlite.create({ dataDir, startParams: [...PGlite.defaultStartParams, ...params] });
await lite.close();
