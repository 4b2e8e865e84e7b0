import { toCapXml } from '../../shared/cap/build-cap.js';
import type { IndicatorInput } from '../../shared/schemas/indicator.js';
import type { Channel, Outbound } from './messages.js';

/** The public ingest paths (CONTRACT.md). */
export const INGEST_PATHS = {
  grid: '/api/v1/ingest/grid-events',
  observation: '/api/v1/ingest/observations',
  indicators: '/api/v1/ingest/indicators',
  alert: '/api/v1/ingest/cap',
  open311: '/open311/v2/requests.json',
} as const satisfies Record<Channel, string>;

/** One HTTP request to send. JSON array bodies keep their items so a partly refused batch can be resent. */
export interface IngestRequest {
  channel: Channel;
  path: string;
  contentType: string;
  body: string;
  /** Items the request carries. */
  count: number;
  /** `bearer`: ingest key in `Authorization`; `form`: Open311 `api_key` in the body. */
  auth: 'bearer' | 'form';
  items?: unknown[];
}

/** Most items per JSON request; the server takes 10,000 but smaller batches commit sooner. */
export const MAX_BATCH = 500;

/** A JSON-array request for items of one channel. */
export function jsonRequest(channel: 'grid' | 'observation' | 'indicators', items: unknown[]): IngestRequest {
  return { channel, path: INGEST_PATHS[channel], contentType: 'application/json', body: JSON.stringify(items), count: items.length, auth: 'bearer', items };
}

const CSV_COLUMNS = ['code', 'region', 'period', 'value', 'cumulative', 'yoy', 'cumulativeYoy', 'mom', 'unit', 'annualTarget', 'exercise'] as const;

function csvCell(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Indicator rows as `text/csv` with a header row of the JSON field names. Rows are grouped
 * by the columns they have, so no cell is left empty.
 */
export function indicatorCsv(rows: IndicatorInput[]): string[] {
  const groups = new Map<string, IndicatorInput[]>();
  for (const row of rows) {
    const columns = CSV_COLUMNS.filter((c) => row[c] !== undefined).join(',');
    groups.set(columns, [...(groups.get(columns) ?? []), row]);
  }
  return [...groups.entries()].map(([header, list]) => {
    const columns = header.split(',') as (keyof IndicatorInput)[];
    return [header, ...list.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
  });
}

function open311Body(payload: Record<string, string | undefined>, key: string): string {
  const form = new URLSearchParams({ api_key: key });
  for (const [k, v] of Object.entries(payload)) if (v !== undefined) form.set(k, v);
  return form.toString();
}

/**
 * Turns a tick's messages into requests: grid events and readings in JSON batches (a new
 * batch whenever a case would appear twice, since each batch is stored as one unit),
 * each indicator release as JSON or CSV, each warning as CAP 1.2 XML, each citizen report
 * as an Open311 form post. Order within each channel is kept.
 */
export function toRequests(messages: readonly Outbound[], key: string, maxBatch = MAX_BATCH): IngestRequest[] {
  const grid: IngestRequest[] = [];
  const other: IngestRequest[] = [];
  let batch: unknown[] = [];
  let ids = new Set<string>();
  let readings: unknown[] = [];
  const flushGrid = (): void => {
    if (batch.length > 0) grid.push(jsonRequest('grid', batch));
    batch = [];
    ids = new Set();
  };
  for (const m of messages) {
    switch (m.channel) {
      case 'grid':
        if (ids.has(m.payload.sourceId) || batch.length >= maxBatch) flushGrid();
        batch.push(m.payload);
        ids.add(m.payload.sourceId);
        break;
      case 'observation':
        readings.push(m.payload);
        if (readings.length >= maxBatch) {
          other.push(jsonRequest('observation', readings));
          readings = [];
        }
        break;
      case 'indicators':
        if (m.format === 'json') other.push(jsonRequest('indicators', m.payload));
        else
          for (const body of indicatorCsv(m.payload))
            other.push({ channel: 'indicators', path: INGEST_PATHS.indicators, contentType: 'text/csv', body, count: body.trim().split(/\r?\n/).length - 1, auth: 'bearer' });
        break;
      case 'alert': {
        const { districts: _districts, ...alert } = m.payload;
        const body = toCapXml({ ...alert, references: m.capReferences });
        other.push({ channel: 'alert', path: INGEST_PATHS.alert, contentType: 'application/cap+xml', body, count: 1, auth: 'bearer' });
        break;
      }
      case 'open311':
        other.push({ channel: 'open311', path: INGEST_PATHS.open311, contentType: 'application/x-www-form-urlencoded', body: open311Body({ ...m.payload }, key), count: 1, auth: 'form' });
        break;
    }
  }
  flushGrid();
  if (readings.length > 0) other.push(jsonRequest('observation', readings));
  return [...grid, ...other];
}
