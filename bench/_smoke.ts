import { runIngest } from './ingest.js';
import { killAllChildren } from './lib/ipc.js';
process.on('exit', killAllChildren);
const r = await runIngest({ gridEvents: 20000, observations: 5000, batch: 1000, concurrency: 4 }, console.log);
console.log(JSON.stringify(r, null, 1));
