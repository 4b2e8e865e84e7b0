import type { Alert, AlertHistoryEntry } from '../../../../shared/schemas/alert.js';

import { api, apiText } from '../../services/api.js';
import { saveBlob } from '../../services/download.js';

export type { AlertChange, AlertHistoryEntry } from '../../../../shared/schemas/alert.js';

/** An alert in full, with its history. */
export type AlertDetail = Alert & { history?: AlertHistoryEntry[] };

/** Loads one alert in full. */
export function fetchAlert(id: string): Promise<AlertDetail> {
  return api<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}`);
}

/** Acknowledges (签收) an alert with the officer's comment; answers the alert as it now stands. */
export function acknowledgeAlert(id: string, comment: string): Promise<Alert> {
  return api<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', body: JSON.stringify({ comment }) });
}

/**
 * The CAP 1.2 Ack of an acknowledged alert, as XML text. Fetched with the session's bearer
 * token, which a plain link could not carry.
 */
export function fetchCapAck(id: string): Promise<string> {
  return apiText(`/api/v1/alerts/${encodeURIComponent(id)}/cap-ack`, { headers: { accept: 'application/cap+xml' } });
}

/** A file name for an alert's CAP Ack: its source identifier, made safe for any file system. */
export function capAckFileName(a: Pick<Alert, 'sourceId' | 'id'>): string {
  return `ack-${(a.sourceId || a.id).replace(/[^\w.-]+/g, '_')}.xml`;
}

/** Saves `xml` as a CAP file. */
export function saveCapXml(xml: string, fileName: string): void {
  saveBlob(new Blob([xml], { type: 'application/cap+xml' }), fileName);
}
