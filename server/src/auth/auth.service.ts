import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Db } from '../store/db.js';
import { adcode } from '../../../shared/schemas/common.js';
import { ownDistricts } from '../../../shared/auth/districts.js';
import { createAccounts, type Accounts } from './accounts.js';
import { bootstrapDemo, bootstrapProduction } from './bootstrap.js';
import { createIngestKeyVerifier } from './ingest-key-verifier.js';
import { createIngestKeysRepository } from './ingest-keys.repository.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { DEMO_INGEST_KEY, hashIngestKey } from './secrets.js';
import { createTokenIssuer } from './tokens.js';
import type { AuthUser } from './types.js';
import { createUsersRepository, type UserRecord } from './users.repository.js';

/** What a successful login answers (CONTRACT.md). */
export interface LoginResult {
  token: string;
  user: AuthUser;
}

/** Authentication and account administration for HTTP, Socket.IO and ingest. */
export interface AuthService extends Accounts {
  /** Seeds accounts and keys for the configured mode; call once at start, after migrate. */
  bootstrap(): Promise<void>;
  /** Throws AppError 401 `invalid_credentials`, the same for unknown users and wrong passwords. */
  login(username: string, password: string): Promise<LoginResult>;
  /** The token's user; throws AppError 401. */
  verifyToken(token: string): Promise<AuthUser>;
  /**
   * A fresh token for a user whose token is still valid, so an unattended screen stays signed
   * in. The account is read again: a deleted account gets AppError 401, a changed role or
   * district scope takes effect in the new token.
   */
  refresh(user: AuthUser): Promise<LoginResult>;
  /** True for an existing, unrevoked key. */
  verifyIngestKey(key: string): Promise<boolean>;
}

/**
 * Builds the auth service. `defaultGridDistrict` scopes the demo `grid` account
 * (441702 江城区 for the default city 441700).
 */
export function createAuthService(deps: { db: Db; config: Config; defaultGridDistrict: string }): AuthService {
  const { db, config } = deps;
  const gridDistrict = adcode.parse(deps.defaultGridDistrict);
  const users = createUsersRepository(db);
  const accounts = createAccounts(db);
  const tokens = createTokenIssuer({ secret: config.jwtSecret, ttlSeconds: config.tokenTtlSeconds, mode: config.mode });
  // Belt and braces: even if a demo row survived somewhere, production never accepts it.
  const keys = createIngestKeyVerifier(createIngestKeysRepository(db), {
    refusedHashes: config.mode === 'production' ? [hashIngestKey(DEMO_INGEST_KEY)] : [],
  });
  const invalid = () => new AppError(401, 'invalid_credentials', 'Invalid username or password');

  return {
    ...accounts,
    async bootstrap() {
      if (config.mode === 'production') await bootstrapProduction(db, config);
      else await bootstrapDemo(db, config, gridDistrict);
      keys.clear();
    },
    async login(username, password) {
      const found = username ? await users.find(username) : null;
      if (!found) {
        await burnPasswordCheck(password);
        throw invalid();
      }
      if (!(await verifyPassword(found.passwordHash, password))) throw invalid();
      const user = toUser(found);
      return { token: await tokens.sign(user), user };
    },
    verifyToken: (token) => tokens.verify(token),
    async refresh(current) {
      const found = await users.find(current.username);
      if (!found) throw new AppError(401, 'invalid_token', 'The account of this token no longer exists');
      const user = toUser(found);
      return { token: await tokens.sign(user), user };
    },
    verifyIngestKey: (key) => keys.verify(key),
    async revokeIngestKey(id) {
      const revoked = await accounts.revokeIngestKey(id);
      keys.clear();
      return revoked;
    },
  };
}

/** The user a stored account signs in as; only `grid` accounts carry districts. */
function toUser(found: UserRecord): AuthUser {
  return { username: found.username, role: found.role, districts: ownDistricts(found) };
}
