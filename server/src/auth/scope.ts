import { HttpError } from '../http/errors.js';
import type { AuthUser } from './types.js';

/**
 * The single district rule for every read (HTTP and live socket): which districts `user`
 * may see, given the districts it asked for.
 *
 * - Returns null for "no restriction" (a city-wide role that asked for nothing).
 * - A city-wide role that asks for districts gets them (it may narrow its own view).
 * - A grid user gets its own districts, or the intersection with what it asked for; asking
 *   only for foreign districts, or holding none at all, is HttpError 403.
 *
 * Never returns an empty array, so callers can treat any array as a filter.
 */
export function scopeDistricts(user: AuthUser, requested?: readonly string[] | null): string[] | null {
  const asked = requested?.length ? [...new Set(requested)] : null;
  if (user.role !== 'grid') return asked;
  const own = user.districts ?? [];
  if (own.length === 0) throw new HttpError(403, 'no_districts', 'This account is not assigned to any district');
  if (!asked) return [...own];
  const allowed = asked.filter((d) => own.includes(d));
  if (allowed.length === 0) throw new HttpError(403, 'district_forbidden', `Not allowed to read districts ${asked.join(', ')}`);
  return allowed;
}
