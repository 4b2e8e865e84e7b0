import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../../../server/src/auth/auth.service.js';
import { ConfigError, loadConfig } from '../../../../server/src/config.js';
import { httpFailure, useAuthDb } from '../../../helpers/auth-db.js';

const SENSOR_KEY = 'sensor-key-with-enough-entropy-0001';
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'hQ3v9LmX2pT7wK4zR8nB1cF6jS5dG0yAeU',
  INGEST_KEYS: `sensors:${SENSOR_KEY}`,
  ADMIN_PASSWORD: 'real-admin-password',
};

const getDb = useAuthDb();

const demoService = () => createAuthService({ db: getDb(), config: loadConfig({ DATA_DIR: 'memory://' }), defaultGridDistrict: '441702' });
const prodService = (env: Record<string, string> = production) => createAuthService({ db: getDb(), config: loadConfig(env), defaultGridDistrict: '441702' });

const failure = httpFailure;

describe('demo bootstrap', () => {
  it('creates exactly the contract accounts and the demo ingest key', async () => {
    const auth = demoService();
    await auth.bootstrap();
    await auth.bootstrap(); // idempotent across restarts
    expect(await auth.listUsers()).toEqual([
      { username: 'admin', role: 'admin', districts: null },
      { username: 'duty', role: 'duty', districts: null },
      { username: 'duty2', role: 'duty', districts: null },
      { username: 'grid', role: 'grid', districts: ['441702'] },
      { username: 'leader', role: 'leader', districts: null },
    ]);
    expect((await auth.listIngestKeys()).map((k) => k.id)).toEqual(['demo']);
    expect(await auth.verifyIngestKey('demo-ingest-key')).toBe(true);
    for (const username of ['leader', 'duty', 'duty2', 'grid', 'admin']) {
      expect((await auth.login(username, 'demo')).user.username).toBe(username);
    }
  });
});

describe('login and tokens', () => {
  it('issues a token that verifies to the same user', async () => {
    const auth = demoService();
    await auth.bootstrap();
    const { token, user } = await auth.login('grid', 'demo');
    expect(user).toEqual({ username: 'grid', role: 'grid', districts: ['441702'] });
    expect(await auth.verifyToken(token)).toEqual(user);
  });

  it('answers unknown user and wrong password alike', async () => {
    const auth = demoService();
    await auth.bootstrap();
    const unknown = await failure(auth.login('nobody', 'demo'));
    const wrong = await failure(auth.login('duty', 'wrong'));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([401, 'invalid_credentials', wrong.message]);
    expect([wrong.status, wrong.code]).toEqual([401, 'invalid_credentials']);
  });

  it('refuses a token from a service with another secret', async () => {
    await demoService().bootstrap();
    const { token } = await demoService().login('duty', 'demo');
    const other = createAuthService({ db: getDb(), config: loadConfig({ JWT_SECRET: 'z'.repeat(40) }), defaultGridDistrict: '441702' });
    expect((await failure(other.verifyToken(token))).status).toBe(401);
  });

  it('stops accepting a key revoked through the service at once', async () => {
    const auth = demoService();
    const { id, key } = await auth.createIngestKey('feed');
    expect(await auth.verifyIngestKey(key)).toBe(true);
    await auth.revokeIngestKey(id);
    expect(await auth.verifyIngestKey(key)).toBe(false);
  });
});

describe('production bootstrap', () => {
  it('removes what a demo run left and seeds the configured key and admin', async () => {
    await demoService().bootstrap();
    const auth = prodService();
    await auth.bootstrap();
    expect(await auth.listUsers()).toEqual([{ username: 'admin', role: 'admin', districts: null }]);
    expect((await auth.listIngestKeys()).map((k) => k.id)).toEqual(['env:sensors']);
    expect(await auth.verifyIngestKey('demo-ingest-key')).toBe(false);
    expect(await auth.verifyIngestKey(SENSOR_KEY)).toBe(true);
    await failure(auth.login('admin', 'demo'));
    await failure(auth.login('leader', 'demo'));
    expect((await auth.login('admin', 'real-admin-password')).user.role).toBe('admin');
  });

  it('keeps an operator account that only shares a demo name', async () => {
    await demoService().createUser({ username: 'leader', password: 'a real leader pass', role: 'leader' });
    await prodService().bootstrap();
    expect((await prodService().login('leader', 'a real leader pass')).user.username).toBe('leader');
  });

  it('never overwrites an existing admin with ADMIN_PASSWORD', async () => {
    await prodService().bootstrap();
    await prodService({ ...production, ADMIN_PASSWORD: 'changed-admin-password' }).bootstrap();
    expect((await prodService().login('admin', 'real-admin-password')).user.role).toBe('admin');
  });

  it('refuses to start without ADMIN_PASSWORD while no admin exists', async () => {
    const { ADMIN_PASSWORD: _, ...noAdmin } = production;
    const err = await prodService(noAdmin)
      .bootstrap()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toContain('ADMIN_PASSWORD');
  });

  it('drops configured keys that left INGEST_KEYS and follows a changed key', async () => {
    await prodService({ ...production, INGEST_KEYS: `sensors:${SENSOR_KEY},old:${'old-Kx7Qp2Lm9Vt4Wz8Rb3Nc6Hj1Sd5F'}` }).bootstrap();
    const auth = prodService({ ...production, INGEST_KEYS: `sensors:${'new-Gy5Tr8Ev2Qa7Lp4Mx9Bn3Kc6Wd1Z'}` });
    await auth.bootstrap();
    expect(await auth.verifyIngestKey('old-Kx7Qp2Lm9Vt4Wz8Rb3Nc6Hj1Sd5F')).toBe(false);
    expect(await auth.verifyIngestKey(SENSOR_KEY)).toBe(false);
    expect(await auth.verifyIngestKey('new-Gy5Tr8Ev2Qa7Lp4Mx9Bn3Kc6Wd1Z')).toBe(true);
  });
});
