import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { CaseQueries, IngestResult, IngestService } from '../../../server/src/domain/ports.js';
import type { GridCase, GridEventInput } from '../../../shared/schemas/grid-event.js';
import type { AlertParsed } from '../../../shared/schemas/alert.js';
import type { ObservationInput } from '../../../shared/schemas/observation.js';
import type { IndicatorInput } from '../../../shared/schemas/indicator.js';
import { errorHandler } from '../../../server/src/http/errors.js';

/**
 * In-memory IngestService + CaseQueries: grid events become cases (same sourceId stored
 * once), everything else is recorded. `fail` makes the next call throw.
 */
export function createFakeStore() {
  const calls = { gridEvents: [] as GridEventInput[][], alerts: [] as AlertParsed[][], observations: [] as ObservationInput[][], indicators: [] as IndicatorInput[][] };
  const cases = new Map<string, GridCase>();
  const extras = new Map<string, { mediaUrl: string | null; closingNote: string | null }>();
  const bySource = new Map<string, string>();
  let failNext: Error | null = null;
  let seq = 0;

  const accept = <T>(list: T[][], items: T[], ids: string[]): IngestResult => {
    if (failNext) {
      const err = failNext;
      failNext = null;
      throw err;
    }
    list.push(items);
    return { accepted: items.length, ids };
  };

  const toCase = (e: GridEventInput): GridCase => ({
    id: `case-${++seq}`,
    sourceId: e.sourceId,
    source: e.source,
    category: e.category,
    kind: e.kind ?? 'incident',
    title: e.title,
    description: e.description ?? null,
    location: e.location,
    address: e.address ?? null,
    district: '441702',
    gridCell: null,
    status: e.status ?? 'reported',
    department: null,
    reportedAt: e.reportedAt,
    dispatchedAt: null,
    deadlineAt: null,
    closedAt: null,
    overdue: false,
    escalated: false,
    exercise: e.exercise ?? false,
    updatedAt: e.reportedAt,
    version: 1,
    assignee: null,
    supervised: null,
    mergedInto: null,
    closeReason: null,
  });

  const ingest: IngestService = {
    async gridEvents(items) {
      const result = accept(calls.gridEvents, items, []);
      for (const e of items) {
        let id = bySource.get(e.sourceId);
        if (!id) {
          const c = toCase(e);
          cases.set(c.id, c);
          extras.set(c.id, { mediaUrl: e.mediaUrl ?? null, closingNote: null });
          bySource.set(e.sourceId, c.id);
          id = c.id;
        }
        result.ids.push(id);
      }
      return result;
    },
    async alerts(items) {
      return accept(
        calls.alerts,
        items,
        items.map((a) => `alert-${a.sourceId}`),
      );
    },
    async observations(items) {
      return accept(
        calls.observations,
        items,
        items.map((o) => `${o.stationId}@${o.observedAt}`),
      );
    },
    async indicators(items) {
      return accept(
        calls.indicators,
        items,
        items.map((i) => `${i.code}:${i.region}:${i.period}`),
      );
    },
  };

  const queries: CaseQueries = {
    async list(f) {
      const items = [...cases.values()]
        .filter((c) => (!f.statuses || f.statuses.includes(c.status)) && (!f.category || c.category === f.category))
        .filter((c) => (!f.categories || f.categories.includes(c.category)) && (!f.source || c.source === f.source))
        .filter((c) => !f.districts || (c.district !== null && f.districts.includes(c.district)))
        .filter((c) => f.exercise === undefined || c.exercise === f.exercise)
        .filter((c) => (!f.reportedFrom || c.reportedAt >= f.reportedFrom) && (!f.reportedTo || c.reportedAt <= f.reportedTo))
        .sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt));
      return { items: items.slice(0, f.limit ?? 100), nextCursor: null };
    },
    async get(id) {
      return cases.get(id) ?? null;
    },
    async open311Extras(ids) {
      return new Map(ids.map((id) => [id, extras.get(id) ?? { mediaUrl: null, closingNote: null }]));
    },
  };

  return {
    ingest,
    queries,
    calls,
    cases,
    extras,
    fail(err: Error) {
      failNext = err;
    },
    /** How many calls reached the service, of any kind. */
    get totalCalls() {
      return Object.values(calls).reduce((n, l) => n + l.length, 0);
    },
  };
}

/** Accepts exactly `good` as an ingest key. */
export const verifyKey = (good: string) => async (key: string) => key === good;

/** Starts an express app on port 0 with the given routers and the app's error handler. */
export async function startApp(...routers: express.Router[]): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  for (const r of routers) app.use(r);
  app.use(errorHandler({ error: () => undefined }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
