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
import { createAccountStates } from './account-states.js';
import type { AuthUser } from './types.js';
import { createUsersRepository, type UserRecord } from './users.repository.js';

/** Why a login failed, for the audit log; the client always gets the same 401. */
export type LoginFailure = 'unknown_user' | 'wrong_password' | 'disabled';

/** A refused login: 401 `invalid_credentials` to the client, with the reason kept for the audit log. */
export class LoginRefused extends AppError {
  constructor(readonly reason: LoginFailure) {
    super(401, 'invalid_credentials', 'Invalid username or password');
  }
}

/** What a successful login answers (CONTRACT.md). */
export interface LoginResult {
  token: string;
  user: AuthUser;
}

/** Authentication and account administration for HTTP, Socket.IO and ingest. */
export interface AuthService extends Accounts {
  /** Seeds accounts and keys for the configured mode; call once at start, after migrate. */
  bootstrap(): Promise<void>;
  /** Throws {@link LoginRefused} (401 `invalid_credentials`), the same for unknown, disabled users and wrong passwords. */
  login(username: string, password: string): Promise<LoginResult>;
  /**
   * The token's user as the account is now (role and districts from the account, so a
   * change takes effect at once); throws AppError 401 for a bad token, a removed or a
   * disabled account.
   */
  verifyToken(token: string): Promise<AuthUser>;
  /** Forgets cached account states and key checks after a change made in this process. */
  invalidate(): void;
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
  const states = createAccountStates(db);

  return {
    ...accounts,
    async bootstrap() {
      if (config.mode === 'production') await bootstrapProduction(db, config);
      else await bootstrapDemo(db, config, gridDistrict);
      keys.clear();
      states.invalidate();
    },
    async login(username, password) {
      const found = username ? await users.find(username) : null;
      if (!found) {
        await burnPasswordCheck(password);
        throw new LoginRefused('unknown_user');
      }
      if (!(await verifyPassword(found.passwordHash, password))) throw new LoginRefused('wrong_password');
      // Checked after the password, so the answer's timing does not tell a disabled account apart.
      if (found.disabled) throw new LoginRefused('disabled');
      const user = toUser(found);
      return { token: await tokens.sign(user), user };
    },
    async verifyToken(token) {
      const claimed = await tokens.verify(token);
      const state = await states.get(claimed.username);
      if (!state) throw new AppError(401, 'invalid_token', 'The account of this token no longer exists');
      if (state.disabled) throw new AppError(401, 'account_disabled', 'This account is disabled');
      return toUser({ username: claimed.username, ...state });
    },
    invalidate() {
      states.invalidate();
      keys.clear();
    },
    async refresh(current) {
      const found = await users.find(current.username);
      if (!found) throw new AppError(401, 'invalid_token', 'The account of this token no longer exists');
      if (found.disabled) throw new AppError(401, 'account_disabled', 'This account is disabled');
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
function toUser(found: Pick<UserRecord, 'username' | 'role' | 'districts'>): AuthUser {
  return { username: found.username, role: found.role, districts: ownDistricts(found) };
}
