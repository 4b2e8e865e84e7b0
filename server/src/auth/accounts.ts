import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { AppError, validationError } from '../errors.js';
import type { Queryable } from '../store/db.js';
import { createIngestKeysRepository, type IngestKeyInfo } from './ingest-keys.repository.js';
import { hashPassword } from './passwords.js';
import { generateIngestKey, generateKeyId, hashIngestKey } from './secrets.js';
import { isDistrictScoped } from '../../../shared/auth/districts.js';
import { role, type AuthUser } from './types.js';
import { createUsersRepository, type UserRecord } from './users.repository.js';

/** Minimum length of a password set through the API or the admin CLI. */
export const MIN_PASSWORD_LENGTH = 12;

const keyName = z.string().trim().min(1).max(100);

/** A password set through the API or the admin CLI. */
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024);

/** The district rule of an account: only `grid` users carry districts, and at least one. */
export function checkAccountDistricts(u: { role: AuthUser['role']; districts?: string[] | null }, ctx: z.RefinementCtx): void {
  if (isDistrictScoped(u.role) && !u.districts?.length) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'a grid user needs at least one district' });
  if (!isDistrictScoped(u.role) && u.districts?.length) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'only grid users are scoped to districts' });
}

/** A new account. Only `grid` users carry districts, and they must carry at least one. */
export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}_.@-]{1,64}$/u, 'must be 1–64 letters, digits or _ . @ -'),
    password: passwordSchema,
    role,
    districts: z.array(adcode).optional(),
  })
  .superRefine(checkAccountDistricts);
export type NewUser = z.input<typeof newUserSchema>;

/** Validates a new account and hashes its password (slow: do it outside any transaction); throws AppError 422. */
export async function prepareUser(input: unknown): Promise<UserRecord> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const u = parsed.data;
  return { username: u.username, role: u.role, districts: isDistrictScoped(u.role) ? [...new Set(u.districts)] : null, passwordHash: await hashPassword(u.password) };
}

/** A new ingest key: the plain key (to show once) and the hash to store; throws AppError 422 for a bad name. */
export function prepareIngestKey(name: unknown): { id: string; name: string; key: string; keyHash: string } {
  const parsed = keyName.safeParse(name);
  if (!parsed.success) throw validationError(parsed.error, ['name']);
  const key = generateIngestKey();
  return { id: generateKeyId(), name: parsed.data, key, keyHash: hashIngestKey(key) };
}

/** 409 for a username that is taken. */
export const userExists = (username: string) => new AppError(409, 'user_exists', `User ${username} already exists`);

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

/** Builds {@link Accounts} over the database. */
export function createAccounts(db: Queryable): Accounts {
  const users = createUsersRepository(db);
  const keys = createIngestKeysRepository(db);
  return {
    async createUser(input) {
      const record = await prepareUser(input);
      if (!(await users.insert(record))) throw userExists(record.username);
      return { username: record.username, role: record.role, districts: record.districts };
    },
    listUsers: () => users.list(),
    async createIngestKey(name) {
      const { key, ...row } = prepareIngestKey(name);
      await keys.insert(row);
      return { id: row.id, name: row.name, key };
    },
    revokeIngestKey: (id) => keys.revoke(id),
    listIngestKeys: () => keys.list(),
  };
}
