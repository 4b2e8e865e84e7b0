import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/auth/policy.js';

export type { Role } from '../../../shared/auth/policy.js';

/** A role as stored and sent (shared/auth/policy.ts is the one list). */
export const role = z.enum(ROLES);

/**
 * The signed-in user as every layer sees it (HTTP `req.user`, Socket.IO `socket.data.user`).
 * `districts` is null for every role but `grid`, meaning "the whole city".
 */
export interface AuthUser {
  username: string;
  role: Role;
  districts: string[] | null;
}
