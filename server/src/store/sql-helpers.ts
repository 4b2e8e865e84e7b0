/** Normalises a timestamp column (Date from both engines) to an ISO string. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** Like `iso`, keeping SQL null as null. */
export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** Encodes a keyset cursor `(timestamp, id)` as an opaque string. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; null when it is not one. */
export function decodeCursor(cursor: string): { at: string; id: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) {
      return { at: v[0], id: v[1] };
    }
  } catch {
    /* fall through: not a cursor */
  }
  return null;
}

/** A CSV field as COPY reads it: unquoted empty is NULL, text is always quoted. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  return v.includes('"') ? `"${v.replaceAll('"', '""')}"` : `"${v}"`;
}

/** Rows (one shape) as COPY CSV and the columns they fill, both from the rows' keys, so they cannot disagree. */
export function copyCsvOf(rows: Record<string, unknown>[]): { columns: string; csv: string } {
  let csv = '';
  for (const row of rows) {
    let sep = '';
    for (const k in row) {
      csv += sep + csvField(row[k]);
      sep = ',';
    }
    csv += '\n';
  }
  return { columns: Object.keys(rows[0] ?? {}).join(', '), csv };
}
