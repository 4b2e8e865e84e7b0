import type { ObservationInput } from '../../../shared/schemas/observation.js';
import type { IngestService } from '../domain/ports.js';
import { AppError } from '../errors.js';

/** One received message, decoded. */
export interface MqttEntry {
  topic: string;
  items: ObservationInput[];
}

const RETRY_DELAYS_MS = [250, 1000, 4000];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isClientError = (err: unknown) => err instanceof AppError && err.status < 500;

/**
 * Stores a batch with one `observations()` call. A 4xx (say an unknown station) would
 * refuse the whole transaction, so the batch is then stored message by message and only
 * the bad ones are reported; other failures (storage down) are retried a few times.
 */
export async function storeEntries(
  entries: MqttEntry[],
  ingest: Pick<IngestService, 'observations'>,
  report: (entry: MqttEntry, err: unknown) => void,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<void> {
  let refused: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      await ingest.observations(entries.flatMap((e) => e.items));
      return;
    } catch (err) {
      if (isClientError(err)) {
        refused = err;
        break;
      }
      const delay = delays[attempt];
      if (delay === undefined) {
        for (const e of entries) report(e, err);
        return;
      }
      await sleep(delay);
    }
  }
  if (entries.length === 1) return report(entries[0]!, refused);
  for (const e of entries) {
    const err = await failure(e, ingest);
    if (err !== null) report(e, err);
  }
}

/** Stores one message alone: its error, or null when it went in. */
async function failure(e: MqttEntry, ingest: Pick<IngestService, 'observations'>): Promise<unknown> {
  try {
    await ingest.observations(e.items);
    return null;
  } catch (err) {
    return err;
  }
}
