import { z } from 'zod';

/** The roles of CONTRACT.md; only `grid` is scoped to districts. */
export const role = z.enum(['leader', 'duty', 'grid', 'admin']);
export type Role = z.infer<typeof role>;
export const ROLES = role.options;

/**
 * The signed-in user as every layer sees it (HTTP `req.user`, Socket.IO `socket.data.user`).
 * `districts` is null for every role but `grid`, meaning "the whole city".
 */
export interface AuthUser {
  username: string;
  role: Role;
  districts: string[] | null;
}
