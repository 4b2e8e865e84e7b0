import type { Permission } from '../../../shared/auth/policy.js';

/**
 * Who may call a route: `public` (anyone), `ingest` (an ingest key), `user` (any signed-in
 * user), a permission of shared/auth/policy.ts, or a permission that an ingest key may
 * also exercise (`<permission>|ingest`).
 */
export type RouteAccess = 'public' | 'ingest' | 'user' | Permission | `${Permission}|ingest`;

/**
 * Every HTTP route of the app (`METHOD /path` as Express knows it) and what it requires.
 * The authorization matrix test (tests/integration/auth/authorization-matrix.test.ts) walks
 * the real app's routes, fails on a route missing here, and calls each one as every kind of
 * caller. A new route is one new line. Where a handler's permission depends on the body
 * (a case action), the row names the permission of the request the test sends.
 */
export const ROUTE_TABLE: Readonly<Record<string, RouteAccess>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /basemap/land.geojson': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'user',
  'GET /api/v1/auth/me': 'user',
  'POST /api/v1/ingest/grid-events': 'ingest',
  'POST /api/v1/ingest/alerts': 'ingest',
  'POST /api/v1/ingest/cap': 'ingest',
  'POST /api/v1/ingest/observations': 'ingest',
  'POST /api/v1/ingest/indicators': 'ingest',
  'GET /open311/v2/services.:format': 'public',
  'GET /open311/v2/services/:code.:format': 'public',
  'GET /open311/v2/requests.:format': 'public',
  'GET /open311/v2/requests/:id.:format': 'public',
  'POST /open311/v2/requests.:format': 'ingest',
  'GET /api/v1/drills': 'streams:read',
  'POST /api/v1/drills': 'drills:command|ingest',
  'POST /api/v1/drills/:id/end': 'drills:command|ingest',
  'GET /api/v1/incidents/': 'streams:read',
  'GET /api/v1/incidents/:id': 'streams:read',
  'POST /api/v1/incidents/:id/actions': 'case:register',
  'POST /api/v1/incidents/actions': 'case:register',
  'GET /api/v1/nearby': 'streams:read',
  'GET /api/v1/alerts/:id/cap-ack': 'streams:read',
  'GET /api/v1/alerts/': 'streams:read',
  'GET /api/v1/alerts/:id': 'streams:read',
  'POST /api/v1/alerts/:id/ack': 'alerts:acknowledge',
  'GET /api/v1/replay/': 'streams:read',
  'GET /api/v1/city': 'streams:read',
  'GET /api/v1/stations': 'streams:read',
  'GET /api/v1/stations/:id/readings': 'streams:read',
  'GET /api/v1/resources': 'streams:read',
  'GET /api/v1/cameras': 'streams:read',
  'GET /api/v1/indicators': 'streams:read',
  'GET /api/v1/kpi': 'streams:read',
  'GET /api/v1/kpi/history': 'streams:read',
  'GET /api/v1/stats/case-trend': 'streams:read',
  'GET /api/v1/stats/air-trend': 'streams:read',
  'GET /api/v1/air/daily': 'streams:read',
  'GET /api/v1/air/daily/areas': 'streams:read',
  'GET /api/v1/heatmap': 'evaluation:read',
  'GET /api/v1/heatmap/cells/:cell/trend': 'evaluation:read',
  'GET /api/v1/evaluation': 'evaluation:read',
  'GET /api/v1/evaluation.csv': 'evaluation:read',
  'GET /api/v1/audit': 'audit:read',
  'GET /api/v1/audit.csv': 'audit:read',
  'GET /api/v1/admin/users': 'users:manage',
  'POST /api/v1/admin/users': 'users:manage',
  'PATCH /api/v1/admin/users/:username': 'users:manage',
  'POST /api/v1/admin/users/:username/password': 'users:manage',
  'GET /api/v1/admin/keys': 'keys:manage',
  'POST /api/v1/admin/keys': 'keys:manage',
  'DELETE /api/v1/admin/keys/:id': 'keys:manage',
  'GET /api/v1/admin/health': 'system:health',
  'GET /api/v1/roster': 'streams:read',
  'GET /api/v1/roster/now': 'streams:read',
  'GET /api/v1/roster/template.csv': 'roster:manage',
  'POST /api/v1/roster/import': 'roster:manage',
  'POST /api/v1/roster': 'roster:manage',
  'PUT /api/v1/roster/:id': 'roster:manage',
  'DELETE /api/v1/roster/:id': 'roster:manage',
  'GET /api/v1/handovers': 'handover:read',
  'GET /api/v1/handovers/draft': 'handover:write',
  'POST /api/v1/handovers': 'handover:write',
  'GET /api/v1/handovers/:id': 'handover:read',
  'GET /api/v1/handovers/:id/report.csv': 'handover:read',
  'POST /api/v1/handovers/:id/sign': 'handover:write',
};

/** The commands a `/live` client may emit (shared/contracts/live.ts) and what each requires; connecting needs a user token. */
export const SOCKET_EVENT_TABLE: Readonly<Record<string, RouteAccess>> = {
  'live:subscribe': 'streams:read',
  'live:unsubscribe': 'streams:read',
};
