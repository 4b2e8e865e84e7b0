import type { Queryable } from '../store/db.js';
import type { AuthUser, Role } from './types.js';

/** A stored account: the user plus its argon2id hash. */
export interface UserRecord extends AuthUser {
  passwordHash: string;
  /** A disabled account can neither sign in nor use a token it holds. */
  disabled?: boolean;
}

/** An account as administrators list it (never its hash). */
export interface AccountView extends AuthUser {
  disabled: boolean;
  createdAt: string;
}

interface Row {
  username: string;
  password_hash: string;
  role: Role;
  districts: string[] | null;
  disabled: boolean;
  created_at: Date | string;
}

const toRecord = (r: Row): UserRecord => ({
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  districts: r.districts,
  disabled: r.disabled,
});

const toView = (r: Row): AccountView => ({
  username: r.username,
  role: r.role,
  districts: r.districts,
  disabled: r.disabled,
  createdAt: new Date(r.created_at).toISOString(),
});

const COLUMNS = 'username, password_hash, role, districts, disabled, created_at';

/** The `users` table. */
export interface UsersRepository {
  find(username: string): Promise<UserRecord | null>;
  /** Inserts; false when the username is taken. */
  insert(user: UserRecord): Promise<boolean>;
  /** Inserts or replaces hash, role and districts. */
  upsert(user: UserRecord): Promise<void>;
  remove(username: string): Promise<boolean>;
  list(): Promise<AuthUser[]>;
  /** Every account with its state, by username. */
  listAccounts(): Promise<AccountView[]>;
  /** One account, locked until the transaction ends (call inside one). */
  findForUpdate(username: string): Promise<AccountView | null>;
  /** Sets role, districts and disabled; false when there is no such account. */
  update(username: string, to: { role: Role; districts: string[] | null; disabled: boolean }): Promise<boolean>;
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;
  countByRole(role: Role): Promise<number>;
}

/** Builds the repository over any {@link Queryable} (the db or a transaction). */
export function createUsersRepository(db: Queryable): UsersRepository {
  return {
    async find(username) {
      const { rows } = await db.query<Row>(`select ${COLUMNS} from users where username = $1`, [username]);
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async insert(u) {
      const { rows } = await db.query('insert into users (username, password_hash, role, districts) values ($1, $2, $3, $4) on conflict (username) do nothing returning username', [
        u.username,
        u.passwordHash,
        u.role,
        u.districts,
      ]);
      return rows.length === 1;
    },
    async upsert(u) {
      await db.query(
        `insert into users (username, password_hash, role, districts) values ($1, $2, $3, $4)
         on conflict (username) do update set password_hash = excluded.password_hash, role = excluded.role, districts = excluded.districts`,
        [u.username, u.passwordHash, u.role, u.districts],
      );
    },
    async remove(username) {
      const { rows } = await db.query('delete from users where username = $1 returning username', [username]);
      return rows.length === 1;
    },
    async list() {
      const { rows } = await db.query<Row>(`select ${COLUMNS} from users order by username`);
      return rows.map(({ username, role, districts }) => ({ username, role, districts }));
    },
    async listAccounts() {
      const { rows } = await db.query<Row>(`select ${COLUMNS} from users order by username`);
      return rows.map(toView);
    },
    async findForUpdate(username) {
      const { rows } = await db.query<Row>(`select ${COLUMNS} from users where username = $1 for update`, [username]);
      return rows[0] ? toView(rows[0]) : null;
    },
    async update(username, to) {
      const { rows } = await db.query('update users set role = $2, districts = $3, disabled = $4 where username = $1 returning username', [username, to.role, to.districts, to.disabled]);
      return rows.length === 1;
    },
    async setPasswordHash(username, passwordHash) {
      const { rows } = await db.query('update users set password_hash = $2 where username = $1 returning username', [username, passwordHash]);
      return rows.length === 1;
    },
    async countByRole(role) {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users where role = $1', [role]);
      return rows[0]?.n ?? 0;
    },
  };
}
