import { AppError } from '../errors.js';
import type { AuthUser, Role } from './types.js';

/**
 * The districts a user is confined to, or null for a city-wide role. A `grid` user always
 * gets an array — its own districts, or none at all — so a grid token that somehow carries
 * no district list confines its holder to nothing rather than freeing it to the whole city.
 */
export function ownDistricts(user: { role: Role; districts?: readonly string[] | null }): string[] | null {
  return user.role === 'grid' ? [...(user.districts ?? [])] : null;
}

/**
 * The single district rule for every read (HTTP and live socket): which districts `user`
 * may see, given the districts it asked for.
 *
 * - Returns null for "no restriction" (a city-wide role that asked for nothing).
 * - A city-wide role that asks for districts gets them (it may narrow its own view).
 * - A grid user gets its own districts, or the intersection with what it asked for; asking
 *   only for foreign districts, or holding none at all, is AppError 403.
 *
 * Never returns an empty array, so callers can treat any array as a filter.
 */
export function scopeDistricts(user: AuthUser, requested?: readonly string[] | null): string[] | null {
  const asked = requested?.length ? [...new Set(requested)] : null;
  const own = ownDistricts(user);
  if (own === null) return asked;
  if (own.length === 0) throw new AppError(403, 'no_districts', 'This account is not assigned to any district');
  if (!asked) return own;
  const allowed = asked.filter((d) => own.includes(d));
  if (allowed.length === 0) throw new AppError(403, 'district_forbidden', `Not allowed to read districts ${asked.join(', ')}`);
  return allowed;
}
