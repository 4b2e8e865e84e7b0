import type { CapReference } from '../../shared/cap/build-cap.js';
import type { AlertInput } from '../../shared/schemas/alert.js';
import type { GridEventInput } from '../../shared/schemas/grid-event.js';
import type { IndicatorInput } from '../../shared/schemas/indicator.js';
import type { ObservationInput } from '../../shared/schemas/observation.js';

/** A citizen report as Open311 GeoReport v2 `POST requests.json` takes it (without `api_key`). */
export interface Open311Request {
  service_code: string;
  lat: string;
  long: string;
  description: string;
  address_string?: string;
  /** Server extension: makes a retried POST create the request once. */
  request_token: string;
  /** Server extension: `true` files the report as a drill case. */
  exercise?: 'true';
}

/**
 * One thing the simulator will send, stamped with the simulated instant it happens at.
 * Generators produce these; the network loop only batches and delivers them.
 */
export type Outbound =
  | { channel: 'grid'; at: number; payload: GridEventInput }
  | { channel: 'open311'; at: number; payload: Open311Request }
  | { channel: 'observation'; at: number; payload: ObservationInput }
  | { channel: 'indicators'; at: number; format: 'json' | 'csv'; payload: IndicatorInput[] }
  | {
      channel: 'alert';
      at: number;
      payload: AlertInput;
      /** CAP `references` with sender and sent (the JSON form keeps identifiers only). */
      capReferences: CapReference[];
    };

export type Channel = Outbound['channel'];
