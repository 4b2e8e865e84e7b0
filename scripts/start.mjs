// `npm start`: builds the client when it is missing or older than its sources, then runs
// the server (which starts the simulator in demo mode). Plain JS so it runs before anything
// is compiled.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'dist/client/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(built) || newest(path.join(root, 'client')) > statSync(built).mtimeMs) {
  console.log('Building the client …');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// How the server process runs (server-runtime.json, shared with the bench's server): the C
// allocator's and V8's settings that keep freed memory from staying in the process
// (docs/OPERATIONS.md "Memory"); an operator's own environment wins.
const runtime = JSON.parse(readFileSync(path.join(root, 'scripts/server-runtime.json'), 'utf8'));
const env = { ...runtime.env, ...process.env };
const server = spawn(process.execPath, [...runtime.nodeFlags, '--import', 'tsx', path.join(root, 'server/src/main.ts')], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
