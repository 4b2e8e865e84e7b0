import { resolveDistricts } from '../../../shared/auth/districts.js';
import { can, PERMISSION_TEXT, type Permission } from '../../../shared/auth/policy.js';
import { AppError } from '../errors.js';
import type { AuthUser } from './types.js';

export { ownDistricts } from '../../../shared/auth/districts.js';

/**
 * The district rule of shared/auth/districts.ts for a server read (HTTP and live socket):
 * the districts `user` may see given those it asked for, null for "no restriction";
 * AppError 403 (`no_districts`, `district_forbidden`) when the rule leaves it nothing.
 * Never returns an empty array, so callers can treat any array as a filter.
 */
export function scopeDistricts(user: AuthUser, requested?: readonly string[] | null): string[] | null {
  const scope = resolveDistricts(user, requested);
  if (!scope.ok) throw new AppError(403, scope.code, scope.message);
  return scope.districts;
}

/** The refusal of `permission` to `user`: 403 `forbidden`, "role grid may not start or end drills". */
export function forbidden(user: { role: string }, permission: Permission): AppError {
  return new AppError(403, 'forbidden', `role ${user.role} may not ${PERMISSION_TEXT[permission]}`);
}

/** The permission check of shared/auth/policy.ts for the server: throws {@link forbidden} unless `user` may do `permission`. */
export function authorize(user: { role: string }, permission: Permission): void {
  if (!can(user, permission)) throw forbidden(user, permission);
}
