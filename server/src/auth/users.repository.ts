import type { Queryable } from '../store/db.js';
import type { AuthUser, Role } from './types.js';

/** A stored account: the user plus its argon2id hash. */
export interface UserRecord extends AuthUser {
  passwordHash: string;
}

interface Row {
  username: string;
  password_hash: string;
  role: Role;
  districts: string[] | null;
}

const toRecord = (r: Row): UserRecord => ({
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  districts: r.districts,
});

/** The `users` table. */
export interface UsersRepository {
  find(username: string): Promise<UserRecord | null>;
  /** Inserts; false when the username is taken. */
  insert(user: UserRecord): Promise<boolean>;
  /** Inserts or replaces hash, role and districts. */
  upsert(user: UserRecord): Promise<void>;
  remove(username: string): Promise<boolean>;
  list(): Promise<AuthUser[]>;
  countByRole(role: Role): Promise<number>;
}

/** Builds the repository over any {@link Queryable} (the db or a transaction). */
export function createUsersRepository(db: Queryable): UsersRepository {
  return {
    async find(username) {
      const { rows } = await db.query<Row>('select username, password_hash, role, districts from users where username = $1', [username]);
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
      const { rows } = await db.query<Row>('select username, password_hash, role, districts from users order by username');
      return rows.map(({ username, role, districts }) => ({ username, role, districts }));
    },
    async countByRole(role) {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users where role = $1', [role]);
      return rows[0]?.n ?? 0;
    },
  };
}
