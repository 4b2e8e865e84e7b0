import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadStorageConfig, redactConfig } from '../../../server/src/config.js';
import { hashIngestKey } from '../../../server/src/auth/secrets.js';

const SECRET = 'q8Xv2mK9pL4tR7wZ1nB6cF3hJ5sD0gYaE';
const KEY = 'Tz4Lq9Wm2Xc7Vb1Nk8Rj5Hs3Gd6F';
const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, INGEST_KEYS: `sensors:${KEY}`, ADMIN_PASSWORD: 'a-long-admin-pass' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('gives the demo defaults for an otherwise empty environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-config-'));
    const c = loadConfig({ DATA_DIR: dir });
    rmSync(dir, { recursive: true });
    expect(c).toMatchObject({
      mode: 'demo',
      port: 8080,
      host: undefined,
      databaseUrl: undefined,
      dataDir: dir,
      redisUrl: undefined,
      mqttUrl: undefined,
      city: '441700',
      tokenTtlSeconds: 12 * 3600,
      ingestKeys: [],
      logLevel: 'info',
      simulate: true,
      simulateSpeed: 1,
      corsOrigins: null,
      trustProxy: false,
      jwtSecretSource: 'generated',
    });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('generates a random demo secret once per data folder, kept there with mode 0600', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'cockpit-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'cockpit-b-'));
    try {
      const first = loadConfig({ DATA_DIR: a }).jwtSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({ DATA_DIR: a }).jwtSecret).toBe(first); // survives a restart
      expect(readFileSync(path.join(a, 'jwt-secret'), 'utf8')).toBe(first);
      expect(statSync(path.join(a, 'jwt-secret')).mode & 0o777).toBe(0o600);
      // Another folder with the same path elsewhere, or a fresh copy, cannot predict it.
      expect(loadConfig({ DATA_DIR: b }).jwtSecret).not.toBe(first);
      expect(loadConfig({ DATA_DIR: 'memory://' }).jwtSecret).not.toBe(loadConfig({ DATA_DIR: 'memory://' }).jwtSecret);
    } finally {
      rmSync(a, { recursive: true });
      rmSync(b, { recursive: true });
    }
  });

  it('refuses predictable production secrets, however long', () => {
    const text = problemsOf({ ...production, JWT_SECRET: 'x'.repeat(64), INGEST_KEYS: `a:${'k'.repeat(40)},b:${KEY}` }).join('\n');
    expect(text).toMatch(/JWT_SECRET: too predictable/);
    expect(text).toMatch(/INGEST_KEYS: key "a" is too predictable/);
    expect(text).not.toMatch(/key "b"/);
    expect(problemsOf({ ...production, JWT_SECRET: 'password'.repeat(5) }).join('\n')).toMatch(/JWT_SECRET: too predictable/);
  });

  it('treats blank variables as unset and parses the rest', () => {
    const c = loadConfig({ PORT: '9000', HOST: ' ', TOKEN_TTL: '30m', SIMULATE: 'off', SIMULATE_SPEED: '10', CORS_ORIGIN: 'http://a, http://b', TRUST_PROXY: '1', CITY: '445200' });
    expect(c).toMatchObject({ port: 9000, host: undefined, tokenTtlSeconds: 1800, simulate: false, simulateSpeed: 10, corsOrigins: ['http://a', 'http://b'], trustProxy: 1, city: '445200' });
  });

  it('reads the ingest clock tolerance in seconds (default five minutes) and refuses a bad one', () => {
    expect(loadConfig({}).clockToleranceMs).toBe(300_000);
    expect(loadConfig({ CLOCK_TOLERANCE_S: '30' }).clockToleranceMs).toBe(30_000);
    expect(problemsOf({ CLOCK_TOLERANCE_S: '-1' }).join('\n')).toContain('CLOCK_TOLERANCE_S');
  });

  it('rejects malformed values in demo mode too, naming each variable', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CITY: '4417', TOKEN_TTL: 'forever', SIMULATE: 'maybe', SIMULATE_SPEED: '0' });
    for (const name of ['PORT', 'DATABASE_URL', 'CITY', 'TOKEN_TTL', 'SIMULATE', 'SIMULATE_SPEED']) expect(problems.join('\n')).toContain(name);
  });

  it('refuses production without secrets, listing every problem', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('JWT_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('INGEST_KEYS'))).toBe(true);
  });

  it('refuses weak production secrets without echoing the keys', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short', INGEST_KEYS: 'a:tooshort,b', ADMIN_PASSWORD: 'demo' });
    const text = problems.join('\n');
    expect(text).toMatch(/JWT_SECRET.*32/);
    expect(text).toMatch(/INGEST_KEYS.*"a".*24/);
    expect(text).toMatch(/INGEST_KEYS.*entry 2/);
    expect(text).toMatch(/ADMIN_PASSWORD.*12/);
    expect(text).not.toContain('tooshort');
  });

  it('refuses duplicate ingest key names and keys', () => {
    const text = problemsOf({ INGEST_KEYS: `a:${KEY},a:${'z'.repeat(30)},b:${KEY}` }).join('\n');
    expect(text).toContain('"a" appears twice');
    expect(text).toContain(`"b" repeats`);
  });

  it('accepts a full production configuration and keeps only key hashes', () => {
    const c = loadConfig({ ...production, INGEST_KEYS: `sensors:${KEY}, cap-feed:${'cap-Fj3Kq8Lz2Mx7Nw4Pv9Rt6Y'}`, DATABASE_URL: 'postgres://u:p@h/db', REDIS_URL: 'redis://h:6379' });
    expect(c.mode).toBe('production');
    expect(c.simulate).toBe(false);
    expect(c.jwtSecret).toBe(SECRET);
    expect(c.jwtSecretSource).toBe('env');
    expect(c.ingestKeys).toEqual([
      { name: 'sensors', keyHash: hashIngestKey(KEY) },
      { name: 'cap-feed', keyHash: hashIngestKey('cap-Fj3Kq8Lz2Mx7Nw4Pv9Rt6Y') },
    ]);
    expect(JSON.stringify(c)).not.toContain(KEY);
  });

  it('masks secrets for logging', () => {
    const shown = JSON.stringify(redactConfig(loadConfig({ ...production, DATABASE_URL: 'postgres://u:pw123@h/db' })));
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain('pw123');
    expect(shown).not.toContain('a-long-admin-pass');
    expect(shown).toContain('sensors');
  });

  it('reads the storage settings alone, without requiring secrets', () => {
    expect(loadStorageConfig({ NODE_ENV: 'production' })).toEqual({ databaseUrl: undefined, dataDir: './data' });
    expect(loadStorageConfig({ DATABASE_URL: 'postgres://h/db', DATA_DIR: '/srv' })).toEqual({ databaseUrl: 'postgres://h/db', dataDir: '/srv' });
  });

  it("sizes the embedded database's memory from PGLITE_*_MB, with small defaults", () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).pgliteMemory).toEqual({ sharedBuffersMb: 16, workMemMb: 4, maintenanceWorkMemMb: 16 });
    expect(loadConfig({ DATA_DIR: 'memory://', PGLITE_SHARED_BUFFERS_MB: '64', PGLITE_WORK_MEM_MB: '8', PGLITE_MAINTENANCE_WORK_MEM_MB: '32' }).pgliteMemory).toEqual({
      sharedBuffersMb: 64,
      workMemMb: 8,
      maintenanceWorkMemMb: 32,
    });
  });

  it('refuses a bad memory size, naming the variable', () => {
    expect(problemsOf({ PGLITE_SHARED_BUFFERS_MB: 'lots' })).toEqual(['PGLITE_SHARED_BUFFERS_MB: must be a number of megabytes']);
    expect(problemsOf({ PGLITE_WORK_MEM_MB: '2.5' })).toEqual(['PGLITE_WORK_MEM_MB: must be whole megabytes']);
    expect(problemsOf({ PGLITE_MAINTENANCE_WORK_MEM_MB: '0' })).toEqual(['PGLITE_MAINTENANCE_WORK_MEM_MB: must be at least 1 MB']);
    expect(problemsOf({ PGLITE_SHARED_BUFFERS_MB: '4096' })).toEqual(['PGLITE_SHARED_BUFFERS_MB: must be at most 1024 MB']);
  });
});
