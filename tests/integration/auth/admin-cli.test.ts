import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../scripts/admin.js';
import { createAuthService } from '../../../server/src/auth/auth.service.js';
import { loadConfig } from '../../../server/src/config.js';
import { openDb } from '../../../server/src/store/db.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'cockpit-admin-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(extraEnv: Record<string, string> = {}, password = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { env: { DATA_DIR: dir, ...extraEnv }, readPassword: async () => password, out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
  };
}

/** Opens the CLI's database as the server would, runs `fn`, closes it. */
async function withServerAuth<T>(fn: (auth: ReturnType<typeof createAuthService>) => Promise<T>): Promise<T> {
  const db = await openDb({ dataDir: dir });
  try {
    return await fn(createAuthService({ db, config: loadConfig({ DATA_DIR: dir }), defaultGridDistrict: '441702' }));
  } finally {
    await db.close();
  }
}

// Each CLI run starts an on-disk PGlite, which takes seconds on a loaded machine.
describe('scripts/admin.ts', { timeout: 60_000 }, () => {
  it('creates a user whose password works for login, reading it from the prompt', async () => {
    const r = io({}, 'a good long password');
    expect(await runAdmin(['create-user', 'wang', 'grid', '441702,441704'], r.io)).toBe(0);
    const login = await withServerAuth((auth) => auth.login('wang', 'a good long password'));
    expect(login.user).toEqual({ username: 'wang', role: 'grid', districts: ['441702', '441704'] });
  });

  it('explains invalid input with exit code 1 and usage errors with 2', async () => {
    const r = io({ USER_PASSWORD: 'short' });
    expect(await runAdmin(['create-user', 'li', 'duty'], r.io)).toBe(1);
    expect(r.err.join('\n')).toContain('password');
    expect(await runAdmin(['create-user'], r.io)).toBe(2);
    expect(await runAdmin(['drop-tables'], r.io)).toBe(2);
  });

  it('creates an ingest key that verifies, and revokes it', async () => {
    const r = io();
    expect(await runAdmin(['create-ingest-key', 'sensors'], r.io)).toBe(0);
    const text = r.out.join('\n');
    const key = /key:\s+(\S+)/.exec(text)?.[1];
    const id = /id:\s+(\S+)/.exec(text)?.[1];
    expect(key && id).toBeTruthy();
    expect(await withServerAuth((auth) => auth.verifyIngestKey(key!))).toBe(true);
    expect(await runAdmin(['revoke-ingest-key', id!], r.io)).toBe(0);
    expect(await withServerAuth((auth) => auth.verifyIngestKey(key!))).toBe(false);
    expect(await runAdmin(['revoke-ingest-key', id!], r.io)).toBe(1);
  });

  it('runs as a command and prints the key once', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-ingest-key', 'cap-feed'], {
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(stdout).toMatch(/key:\s+cck_\S{40,}/);
    const listed = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'list-ingest-keys'], { env: { ...process.env, DATA_DIR: dir } });
    expect(listed.stdout).toMatch(/cap-feed\t.*\tactive/);
    expect(listed.stdout).not.toContain('cck_');
  });
});
