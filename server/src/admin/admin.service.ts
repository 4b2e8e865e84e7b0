import { z } from 'zod';
import { adcode } from '../../../shared/schemas/common.js';
import { isDistrictScoped } from '../../../shared/auth/districts.js';
import { checkAccountDistricts, passwordSchema, prepareIngestKey, prepareUser, userExists } from '../auth/accounts.js';
import { createIngestKeysRepository, type IngestKeyInfo } from '../auth/ingest-keys.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { role } from '../auth/types.js';
import { createUsersRepository, type AccountView } from '../auth/users.repository.js';
import type { AuditEntry, AuditLog } from '../domain/ports.js';
import { AppError, validationError } from '../errors.js';
import type { Db, Queryable } from '../store/db.js';
import { changedFields } from './changed-fields.js';

/** Who made an administrative change: a signed-in admin (with its address), or `cli`. */
export interface AdminActor {
  username: string;
  role: string;
  ip: string | null;
}

/** The actor of changes made with scripts/admin.ts. */
export const CLI_ACTOR: AdminActor = { username: 'cli', role: 'cli', ip: null };

/** `PATCH /admin/users/:username`: any of role, districts, disabled. */
export const userPatchSchema = z.object({ role: role.optional(), districts: z.array(adcode).nullable().optional(), disabled: z.boolean().optional() }).strict();
export type UserPatch = z.infer<typeof userPatchSchema>;

export interface AdminDeps {
  db: Db;
  audit: AuditLog;
  /** Called after a committed change of accounts or keys (drop caches; end a disabled user's sessions). */
  onChange?: (change: { kind: 'user'; username: string; disabled: boolean } | { kind: 'key' }) => void;
}

/**
 * Account and key administration for `/api/v1/admin` and scripts/admin.ts. Every change and
 * its audit row (with before/after of the changed fields, never a password or key) commit
 * in one transaction; passwords are hashed before it starts (argon2 is slow, and PGlite
 * has one connection).
 */
export function createAdminService(deps: AdminDeps) {
  const { db, audit } = deps;
  const record = (tx: Queryable, actor: AdminActor, action: string, target: string, detail: AuditEntry['detail']) =>
    audit.append(tx, { actor: actor.username, role: actor.role, action, target, ip: actor.ip, detail });

  return {
    listUsers: (): Promise<AccountView[]> => createUsersRepository(db).listAccounts(),

    async createUser(actor: AdminActor, input: unknown): Promise<AccountView> {
      const user = await prepareUser(input);
      const created = await db.transaction(async (tx) => {
        const users = createUsersRepository(tx);
        if (!(await users.insert(user))) throw userExists(user.username);
        await record(tx, actor, 'user.create', user.username, { after: { role: user.role, districts: user.districts, disabled: false } });
        return (await users.findForUpdate(user.username))!;
      });
      deps.onChange?.({ kind: 'user', username: created.username, disabled: false });
      return created;
    },

    /** 404 for no such user, 409 when an admin would disable or demote itself, 422 for a scope that breaks the district rule. */
    async updateUser(actor: AdminActor, username: string, patch: UserPatch): Promise<AccountView> {
      const updated = await db.transaction(async (tx) => {
        const users = createUsersRepository(tx);
        const before = await users.findForUpdate(username);
        if (!before) throw notFound(username);
        const next = nextState(before, patch);
        if (username === actor.username && (next.disabled || next.role !== before.role)) {
          throw new AppError(409, 'self_change', 'An administrator cannot disable or demote its own account');
        }
        const diff = changedFields(before, next, ['role', 'districts', 'disabled']);
        if (!diff) return before;
        await users.update(username, next);
        await record(tx, actor, 'user.update', username, diff);
        return { ...before, ...next };
      });
      deps.onChange?.({ kind: 'user', username, disabled: updated.disabled });
      return updated;
    },

    async resetPassword(actor: AdminActor, username: string, password: unknown): Promise<void> {
      const parsed = passwordSchema.safeParse(password);
      if (!parsed.success) throw validationError(parsed.error, ['password']);
      const hash = await hashPassword(parsed.data);
      await db.transaction(async (tx) => {
        if (!(await createUsersRepository(tx).setPasswordHash(username, hash))) throw notFound(username);
        await record(tx, actor, 'user.password_reset', username, {});
      });
    },

    listKeys: (): Promise<IngestKeyInfo[]> => createIngestKeysRepository(db).list(),

    /** The plain key is in the result and nowhere else, ever. */
    async createKey(actor: AdminActor, name: unknown): Promise<{ id: string; name: string; key: string }> {
      const { key, ...row } = prepareIngestKey(name);
      await db.transaction(async (tx) => {
        await createIngestKeysRepository(tx).insert(row);
        await record(tx, actor, 'key.create', row.id, { after: { name: row.name } });
      });
      return { id: row.id, name: row.name, key };
    },

    /** 404 when no active key has this id. */
    async revokeKey(actor: AdminActor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const keys = createIngestKeysRepository(tx);
        if (!(await keys.revoke(id))) throw new AppError(404, 'not_found', `no active ingest key with id ${id}`);
        await record(tx, actor, 'key.revoke', id, { before: { revoked: false }, after: { revoked: true } });
      });
      deps.onChange?.({ kind: 'key' });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

function notFound(username: string): AppError {
  return new AppError(404, 'not_found', `user ${username} not found`);
}

/**
 * The account after `patch`. A role that is not district-scoped drops its districts; a
 * change to `grid` must name them; the district rule is checked on the result (422).
 */
function nextState(cur: AccountView, patch: UserPatch): { role: AccountView['role']; districts: string[] | null; disabled: boolean } {
  const nextRole = patch.role ?? cur.role;
  const districts = patch.districts !== undefined ? patch.districts : isDistrictScoped(nextRole) ? cur.districts : null;
  const checked = z
    .object({ role, districts: z.array(adcode).nullable() })
    .superRefine(checkAccountDistricts)
    .safeParse({ role: nextRole, districts });
  if (!checked.success) throw validationError(checked.error, ['body']);
  return { role: nextRole, districts: districts?.length ? [...new Set(districts)] : null, disabled: patch.disabled ?? cur.disabled };
}
