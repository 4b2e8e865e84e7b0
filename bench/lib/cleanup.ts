import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killAllChildren } from './ipc.js';

const dirs = new Set<string>();

/** A fresh temp dir that is removed when the run ends, however it ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

/** Removes a temp dir now (after its server process exited). */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

function cleanupNow(): void {
  killAllChildren();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

/** Kills every child process and removes temp dirs on exit, Ctrl-C, SIGTERM and crashes. */
export function installCleanup(): void {
  process.once('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping child processes`);
      cleanupNow();
      process.exit(130);
    });
  }
  process.once('uncaughtException', (err) => {
    console.error(err);
    cleanupNow();
    process.exit(1);
  });
  process.once('unhandledRejection', (err) => {
    console.error(err);
    cleanupNow();
    process.exit(1);
  });
}
