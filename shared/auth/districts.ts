/**
 * The district rule of CONTRACT.md, for every read and action (HTTP, live socket, domain,
 * client): a `grid` user is confined to its districts, and a grid account without districts
 * sees nothing; every other role is city-wide and may narrow its own view.
 */
import type { Role } from './policy.js';

/** The roles confined to their districts. */
export const DISTRICT_SCOPED_ROLES: readonly Role[] = ['grid'];

/** Whether `role` is confined to its districts (false for city-wide roles and non-human actors). */
export function isDistrictScoped(role: string): boolean {
  return (DISTRICT_SCOPED_ROLES as readonly string[]).includes(role);
}

/**
 * The districts a user is confined to, or null for a city-wide role. A scoped user always
 * gets an array — its own districts, or none at all — so a grid token that somehow carries
 * no district list confines its holder to nothing rather than freeing it to the whole city.
 */
export function ownDistricts(user: { role: string; districts?: readonly string[] | null }): string[] | null {
  return isDistrictScoped(user.role) ? [...(user.districts ?? [])] : null;
}

/** The outcome of {@link resolveDistricts}: a filter (null = the whole city), or why there is none. */
export type DistrictScope = { ok: true; districts: string[] | null } | { ok: false; code: 'no_districts' | 'district_forbidden'; message: string };

/**
 * Which districts `user` may see, given the districts it asked for:
 *
 * - null ("no restriction") for a city-wide role that asked for nothing;
 * - what it asked for, for a city-wide role that narrows its own view;
 * - its own districts, or their intersection with what it asked for, for a scoped user;
 *   holding none (`no_districts`) or asking only for foreign ones (`district_forbidden`)
 *   is refused.
 *
 * Never an empty array, so callers can treat any array as a filter.
 */
export function resolveDistricts(user: { role: string; districts?: readonly string[] | null }, requested?: readonly string[] | null): DistrictScope {
  const asked = requested?.length ? [...new Set(requested)] : null;
  const own = ownDistricts(user);
  if (own === null) return { ok: true, districts: asked };
  if (own.length === 0) return { ok: false, code: 'no_districts', message: 'This account is not assigned to any district' };
  if (!asked) return { ok: true, districts: own };
  const allowed = asked.filter((d) => own.includes(d));
  if (allowed.length === 0) return { ok: false, code: 'district_forbidden', message: `Not allowed to read districts ${asked.join(', ')}` };
  return { ok: true, districts: allowed };
}

/**
 * Whether an item naming `districts` lies within `scope` (null = the whole city). An item
 * that names no district is city-level: only a city-wide scope sees it.
 */
export function inDistricts(scope: readonly string[] | null, districts: readonly (string | null | undefined)[]): boolean {
  return scope === null || districts.some((d) => typeof d === 'string' && scope.includes(d));
}
