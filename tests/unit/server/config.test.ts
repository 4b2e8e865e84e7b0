import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadStorageConfig, redactConfig } from '../../../server/src/config.js';
import { hashIngestKey } from '../../../server/src/auth/secrets.js';

const SECRET = 'x'.repeat(40);
const KEY = 'k'.repeat(30);
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
  it('gives the demo defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'demo',
      port: 8080,
      host: undefined,
      databaseUrl: undefined,
      dataDir: './data',
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
      jwtSecretSource: 'derived',
    });
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('derives the same demo secret for the same storage and another for other storage', () => {
    expect(loadConfig({ DATA_DIR: './a' }).jwtSecret).toBe(loadConfig({ DATA_DIR: './a' }).jwtSecret);
    expect(loadConfig({ DATA_DIR: './a' }).jwtSecret).not.toBe(loadConfig({ DATA_DIR: './b' }).jwtSecret);
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
    const c = loadConfig({ ...production, INGEST_KEYS: `sensors:${KEY}, cap-feed:${'c'.repeat(24)}`, DATABASE_URL: 'postgres://u:p@h/db', REDIS_URL: 'redis://h:6379' });
    expect(c.mode).toBe('production');
    expect(c.simulate).toBe(false);
    expect(c.jwtSecret).toBe(SECRET);
    expect(c.jwtSecretSource).toBe('env');
    expect(c.ingestKeys).toEqual([
      { name: 'sensors', keyHash: hashIngestKey(KEY) },
      { name: 'cap-feed', keyHash: hashIngestKey('c'.repeat(24)) },
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
});
