import type { DeltaEncoding, ErrorBody, LiveDelta, LiveTopic, TopicItems, WireDelta } from '../../../shared/contracts/live.js';
import { packItems } from '../../../shared/contracts/packed.js';
import { resolveDistricts } from '../../../shared/auth/districts.js';
import { can, PERMISSION_TEXT } from '../../../shared/auth/policy.js';
import type { AuthUser } from '../auth/types.js';

/**
 * The districts (adcodes) a client may receive, or `null` for no restriction.
 * A restricted scope only ever matches items that name one of its districts, so city-level
 * items (kpi of the city, economy of the city region) never reach it.
 */
export type Scope = readonly string[] | null;

const districtsOf: { [T in LiveTopic]: (item: TopicItems[T]) => readonly (string | null | undefined)[] } = {
  grid: (c) => [c.district],
  alerts: (a) => a.districts,
  env: (o) => [o.district],
  economy: (i) => [i.region],
  kpi: (k) => [k.scope],
  drills: (d) => d.districts,
  dispatch: (a) => [a.district],
  plans: (a) => a.districts,
};

/** The adcodes an item of `topic` belongs to (empty when it names none). */
export function itemDistricts<T extends LiveTopic>(topic: T, item: TopicItems[T]): string[] {
  const get = districtsOf[topic] as (item: TopicItems[T]) => readonly (string | null | undefined)[];
  return get(item).filter((d): d is string => typeof d === 'string' && d.length > 0);
}

/**
 * The scope of a subscribe: the policy (shared/auth/policy.ts: `streams:read`) and the
 * district rule of every read (shared/auth/districts.ts) applied to what the subscribe asks
 * for, sorted so that clients with the same scope share one room. A grid user without
 * districts, or asking only for foreign ones, is refused.
 */
export function resolveScope(user: AuthUser, requested: readonly string[] | undefined): { ok: true; scope: Scope } | { ok: false; error: ErrorBody } {
  if (!can(user, 'streams:read')) return { ok: false, error: { code: 'forbidden', message: `role ${user.role} may not ${PERMISSION_TEXT['streams:read']}` } };
  const scope = resolveDistricts(user, requested);
  if (!scope.ok) return { ok: false, error: { code: 'forbidden', message: scope.message } };
  return { ok: true, scope: scope.districts && [...new Set(scope.districts)].sort() };
}

/** A stable key of a scope: one per distinct filter, shared by every client with that scope. */
export function scopeKey(scope: Scope): string {
  return scope === null ? '*' : scope.join(',');
}

/** The Socket.IO room of the clients that receive `topic` filtered by `scope`, in `encoding`. */
export function roomName(topic: LiveTopic, scope: Scope, encoding: DeltaEncoding = 'items'): string {
  return `live:${topic}:${scopeKey(scope)}${encoding === 'items' ? '' : `:${encoding}`}`;
}

/** The items of `topic` that a client with `scope` may see. */
export function filterItems<T extends LiveTopic>(topic: T, items: TopicItems[T][], scope: Scope): TopicItems[T][] {
  if (scope === null) return items;
  const allowed = new Set(scope);
  return items.filter((item) => itemDistricts(topic, item).some((d) => allowed.has(d)));
}

/** The same delta with its items filtered to `scope`; seq is kept so clients see no gap. */
export function scopeDelta(delta: LiveDelta, scope: Scope): LiveDelta {
  if (scope === null) return delta;
  return { topic: delta.topic, seq: delta.seq, items: filterItems(delta.topic, delta.items, scope) };
}

/** A delta as a subscriber that asked for `encoding` receives it (packed falls back to plain items when it cannot pack). */
export function encodeDelta(delta: LiveDelta, encoding: DeltaEncoding): WireDelta {
  if (encoding === 'items') return delta;
  const packed = packItems(delta.items);
  return packed ? { topic: delta.topic, seq: delta.seq, packed } : delta;
}
