import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { ownDistricts } from './scope.js';
import { role, type AuthUser } from './types.js';

const ISSUER = 'city-cockpit';

const claims = z.object({
  sub: z.string().min(1),
  role,
  districts: z.array(z.string()).nullable(),
});

/** Signs and verifies the HS256 bearer tokens of the HTTP API and the live socket. */
export interface TokenIssuer {
  sign(user: AuthUser): Promise<string>;
  /** The token's user; throws AppError 401 for an expired, tampered or foreign token. */
  verify(token: string): Promise<AuthUser>;
}

/**
 * `mode` goes into the audience so that a token minted in demo mode is refused in
 * production even if an operator reused the same `JWT_SECRET` for both.
 */
export function createTokenIssuer(opts: { secret: string; ttlSeconds: number; mode: 'demo' | 'production' }): TokenIssuer {
  const key = new TextEncoder().encode(opts.secret);
  const audience = `${ISSUER}:${opts.mode}`;
  return {
    sign: (user) =>
      new SignJWT({ role: user.role, districts: user.districts })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.username)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + opts.ttlSeconds)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience, requiredClaims: ['exp', 'sub'] });
        const c = claims.parse(payload);
        return { username: c.sub, role: c.role, districts: ownDistricts(c) };
      } catch (err) {
        const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new AppError(401, expired ? 'token_expired' : 'invalid_token', expired ? 'Token expired' : 'Invalid token');
      }
    },
  };
}
