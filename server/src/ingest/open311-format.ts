import { XMLBuilder } from 'fast-xml-parser';

/** Response formats of GeoReport v2: the resource's extension picks one. */
export type Open311Format = 'json' | 'xml';

/** What a GeoReport response lists, with its XML root and item element names. */
const ELEMENTS = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;
export type Open311Kind = keyof typeof ELEMENTS;

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/** `json`/`xml` from a resource extension, or null for anything else. */
export function open311Format(ext: string | undefined): Open311Format | null {
  return ext === 'json' || ext === 'xml' ? ext : null;
}

/**
 * Serialises a GeoReport list. JSON is a bare array as the spec shows; XML wraps the items
 * (`<service_requests><request>…`), with null fields as empty elements.
 */
export function formatOpen311(format: Open311Format, kind: Open311Kind, items: object[]): { contentType: string; body: string } {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(items) };
  const [root, item] = ELEMENTS[kind];
  const rows = items.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v ?? ''])));
  const xml = builder.build({ [root]: { [item]: rows } });
  return { contentType: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>${xml}` };
}

/**
 * A service definition (`GET services/{code}.xml|json`): one object, so its XML root is
 * `<service_definition>` itself, as GeoReport v2 shows it, not a list wrapper.
 */
export function formatServiceDefinition(format: Open311Format, code: string): { contentType: string; body: string } {
  // No service has metadata, so every definition is attribute-free.
  const definition = { service_code: code, attributes: [] };
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(definition) };
  const xml = builder.build({ service_definition: { service_code: code, attributes: '' } });
  return { contentType: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>${xml}` };
}

/** One GeoReport error entry: `{"code": 400, "description": "…"}`. */
export function open311Error(code: number, description: string): { code: number; description: string } {
  return { code, description };
}
