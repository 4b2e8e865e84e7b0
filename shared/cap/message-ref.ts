/**
 * A CAP 1.2 message's identity: `sender`, `identifier` and `sent` together. `references`
 * name messages by this triple; the JSON ingest also takes a bare identifier, meaning the
 * referring sender's own message of that identifier (whatever its `sent`).
 */
export interface MessageRef {
  /** Null for a bare identifier: the referring message's sender. */
  sender: string | null;
  identifier: string;
  /** ISO instant; null for a bare identifier (any `sent`). */
  sent: string | null;
}

const TOKEN = /^[^\s,]+$/;

/** `sender,identifier,sent` → its parts; a bare identifier → sender and sent null; null if neither. */
export function parseMessageRef(text: string): MessageRef | null {
  const parts = text.trim().split(',');
  if (parts.length === 1) return TOKEN.test(parts[0]!) ? { sender: null, identifier: parts[0]!, sent: null } : null;
  if (parts.length !== 3 || !parts.every((p) => TOKEN.test(p))) return null;
  const [sender, identifier, sent] = parts as [string, string, string];
  // CAP dateTime always carries an offset; an instant without one is ambiguous.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/.test(sent) || Number.isNaN(Date.parse(sent))) return null;
  return { sender, identifier, sent: new Date(sent).toISOString() };
}
