import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { AppError, validationError } from '../errors.js';
import type { Queryable } from '../store/db.js';
import { createIngestKeysRepository, type IngestKeyInfo } from './ingest-keys.repository.js';
import { hashPassword } from './passwords.js';
import { generateIngestKey, generateKeyId, hashIngestKey } from './secrets.js';
import { isDistrictScoped } from '../../../shared/auth/districts.js';
import { role, type AuthUser } from './types.js';
import { createUsersRepository } from './users.repository.js';

/** Minimum length of a password set through the API or the admin CLI. */
export const MIN_PASSWORD_LENGTH = 12;

/** A new account. Only `grid` users carry districts, and they must carry at least one. */
export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}_.@-]{1,64}$/u, 'must be 1–64 letters, digits or _ . @ -'),
    password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
    role,
    districts: z.array(adcode).optional(),
  })
  .superRefine((u, ctx) => {
    if (isDistrictScoped(u.role) && !u.districts?.length) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'a grid user needs at least one district' });
    if (!isDistrictScoped(u.role) && u.districts?.length) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'only grid users are scoped to districts' });
  });
export type NewUser = z.input<typeof newUserSchema>;

/** Account administration shared by the auth service and the admin CLI. */
export interface Accounts {
  /** Throws AppError 422 for invalid input, 409 when the username exists. */
  createUser(input: NewUser): Promise<AuthUser>;
  listUsers(): Promise<AuthUser[]>;
  /** Creates a key; the plain key is in the result and nowhere else, ever. */
  createIngestKey(name: string): Promise<{ id: string; name: string; key: string }>;
  /** False when no active key has this id. */
  revokeIngestKey(id: string): Promise<boolean>;
  listIngestKeys(): Promise<IngestKeyInfo[]>;
}

const keyName = z.string().trim().min(1).max(100);

/** Builds {@link Accounts} over the database. */
export function createAccounts(db: Queryable): Accounts {
  const users = createUsersRepository(db);
  const keys = createIngestKeysRepository(db);
  return {
    async createUser(input) {
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      const u = parsed.data;
      const user: AuthUser = { username: u.username, role: u.role, districts: isDistrictScoped(u.role) ? [...new Set(u.districts)] : null };
      const inserted = await users.insert({ ...user, passwordHash: await hashPassword(u.password) });
      if (!inserted) throw new AppError(409, 'user_exists', `User ${u.username} already exists`);
      return user;
    },
    listUsers: () => users.list(),
    async createIngestKey(name) {
      const parsed = keyName.safeParse(name);
      if (!parsed.success) throw validationError(parsed.error, ['name']);
      const key = generateIngestKey();
      const id = generateKeyId();
      await keys.insert({ id, name: parsed.data, keyHash: hashIngestKey(key) });
      return { id, name: parsed.data, key };
    },
    revokeIngestKey: (id) => keys.revoke(id),
    listIngestKeys: () => keys.list(),
  };
}
