import { runFanout } from './fanout.js';
import { killAllChildren } from './lib/ipc.js';
process.on('exit', killAllChildren);
const kind = (process.argv[2] ?? 'hub') as 'hub' | 'naive';
const r = await runFanout(kind, { clients: Number(process.argv[3] ?? 1000), clientProcesses: 2, rate: Number(process.argv[4] ?? 1000), tickMs: 50, warmupS: 3, measureS: 10, drainS: 3, clientMode: (process.argv[6] ?? 'raw') as 'raw', flushIntervalMs: process.argv[5] && process.argv[5] !== '-' ? Number(process.argv[5]) : undefined }, console.log);
console.log(JSON.stringify(r, null, 1));
