import { hash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a UUID in its canonical text form (so it can be compared with a uuid column). */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/**
 * A stable UUID (RFC 9562 version 8, name-based on SHA-256) for a name such as a source's own
 * id. Deriving the primary key from the source id makes "the same source id is stored once"
 * a primary-key lookup, so the hot ingest path maintains one unique index instead of two.
 */
export function uuidFromName(namespace: string, name: string): string {
  // One-shot `hash` rather than a Hash object: this runs for every ingested case.
  const h = hash('sha256', `${namespace}\u0000${name}`, 'buffer');
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
