import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server-process.js';

/** What the built client is made of: rebuild when any of it is newer than the build. */
const INPUTS = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];
const BUILT = path.join(ROOT, 'dist/client/index.html');

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/** Whether `dist/client` is missing or older than one of its sources. */
export function clientBuildStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const builtAt = statSync(BUILT).mtimeMs;
  return INPUTS.some((p) => newest(path.join(ROOT, p)) > builtAt);
}

/** Runs `vite build` into `dist/client` unless the build is up to date; throws on a failed build. */
export function buildClientIfStale(log: (msg: string) => void = console.log): void {
  if (!clientBuildStale()) return;
  log('e2e: building the client (vite build) …');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}
