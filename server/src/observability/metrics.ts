import client from 'prom-client';
import type { RequestHandler } from 'express';
import type { IngestResult, IngestService } from '../domain/ports.js';

/** The app's Prometheus registry and the instruments the code updates. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'cockpit_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const ingested = new client.Counter({
    name: 'cockpit_ingest_items_total',
    help: 'Items accepted by ingest (stored or recognised as already stored), by stream',
    labelNames: ['stream'] as const,
    registers: [registry],
  });
  const ingestRejected = new client.Counter({
    name: 'cockpit_ingest_rejected_total',
    help: 'Ingest requests refused with a 4xx, by status',
    labelNames: ['status'] as const,
    registers: [registry],
  });

  /** Times every request; the route label is the matched route pattern, never the raw URL. */
  const httpMiddleware: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path; // Express types `route` as any
      const route = pattern ? `${req.baseUrl}${String(pattern)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
      if (res.statusCode >= 400 && res.statusCode < 500 && (req.path.startsWith('/api/v1/ingest/') || req.path.startsWith('/open311/'))) {
        ingestRejected.inc({ status: String(res.statusCode) });
      }
    });
    next();
  };

  /** Registers a gauge read from `fn` at scrape time. */
  function gauge(name: string, help: string, fn: () => number) {
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(fn());
      },
    });
  }

  /** Counts what every ingest interface (HTTP, CAP, CSV, Open311, MQTT) gets accepted. */
  function countIngest(ingest: IngestService): IngestService {
    const counted =
      <T>(stream: string, fn: (items: T[]) => Promise<IngestResult>) =>
      async (items: T[]) => {
        const r = await fn(items);
        ingested.inc({ stream }, r.accepted);
        return r;
      };
    return {
      gridEvents: counted('grid-events', ingest.gridEvents),
      alerts: counted('alerts', ingest.alerts),
      observations: counted('observations', ingest.observations),
      indicators: counted('indicators', ingest.indicators),
    };
  }

  return { registry, httpMiddleware, countIngest, gauge };
}

export type Metrics = ReturnType<typeof createMetrics>;
