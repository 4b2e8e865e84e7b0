import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenIssuer } from '../../../../server/src/auth/tokens.js';
import type { AuthUser } from '../../../../server/src/auth/types.js';
import { AppError } from '../../../../server/src/errors.js';

const secret = 's'.repeat(40);
const grid: AuthUser = { username: 'grid', role: 'grid', districts: ['441702'] };

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(401);
  return err as AppError;
}

describe('token issuer', () => {
  it('round-trips the user: username, role and districts', async () => {
    const t = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    expect(await t.verify(await t.sign(grid))).toEqual(grid);
  });

  it('rejects a tampered token', async () => {
    const t = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    const [h, p, s] = (await t.sign(grid)).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', districts: null })).toString('base64url');
    expect((await rejection(t.verify(`${h}.${forged}.${s}`))).code).toBe('invalid_token');
  });

  it('rejects a token signed with another secret', async () => {
    const other = createTokenIssuer({ secret: 'o'.repeat(40), ttlSeconds: 3600, mode: 'demo' });
    const t = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    await rejection(t.verify(await other.sign(grid)));
  });

  it('rejects an expired token', async () => {
    const t = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await new SignJWT({ role: 'duty', districts: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('duty')
      .setIssuer('city-cockpit')
      .setAudience('city-cockpit:demo')
      .setIssuedAt(past)
      .setExpirationTime(past + 60)
      .sign(new TextEncoder().encode(secret));
    expect((await rejection(t.verify(expired))).code).toBe('token_expired');
  });

  it('refuses in production a demo token signed with the same secret', async () => {
    const demo = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    const prod = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'production' });
    await rejection(prod.verify(await demo.sign({ username: 'admin', role: 'admin', districts: null })));
  });

  it('rejects an unsigned (alg none) token and garbage', async () => {
    const t = createTokenIssuer({ secret, ttlSeconds: 3600, mode: 'demo' });
    const [, p] = (await t.sign(grid)).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    await rejection(t.verify(none));
    await rejection(t.verify('garbage'));
  });
});
