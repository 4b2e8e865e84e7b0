import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { GridCase } from '../../../shared/schemas/index.js';

describe('case lifecycle through the incident API, and overdue escalation', () => {
  let srv: TestServer;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date();
    srv = await startTestServer({ now: () => clock });
  });
  afterEach(async () => srv.close());

  /** Acts on the case's current version, as a desk that has just read it does. */
  const act = async (id: string, action: string, user: 'duty' | 'leader' | 'grid' = 'duty', extra: object = {}) => {
    const { version } = ((await (await srv.get(`/api/v1/incidents/${id}`)).json()) as { case: GridCase }).case;
    return fetch(`${srv.url}/api/v1/incidents/${id}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action, version, ...extra }),
    });
  };

  it('walks a case to closure; refuses actions out of order and by roles that may not act', async () => {
    const res = await srv.ingest('/api/v1/ingest/grid-events', gridEvent({ reportedAt: new Date(clock.getTime() - 60_000).toISOString() }));
    const [id] = ((await res.json()) as { ids: string[] }).ids as [string];
    expect((await act(id, 'dispatch')).status).toBe(409);
    expect((await act(id, 'register', 'leader')).status).toBe(403);
    for (const a of ['register', 'dispatch', 'start', 'feedback', 'close']) {
      const r = await act(id, a, 'duty', { note: `step ${a}` });
      expect(r.status, a).toBe(200);
    }
    const detail = (await (await srv.get(`/api/v1/incidents/${id}`)).json()) as { case: GridCase; timeline: { status: string; actor: string }[] };
    expect(detail.case.status).toBe('closed');
    expect(detail.case.closedAt).not.toBeNull();
    expect(detail.timeline.map((t) => t.status)).toEqual(['reported', 'registered', 'dispatched', 'in_progress', 'feedback', 'closed']);
    expect(detail.timeline.slice(1).every((t) => t.actor === 'duty')).toBe(true);
    expect(detail.case.version).toBe(6);
  });

  it('flags a dispatched case past its deadline as overdue and escalates it once', async () => {
    const ev = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'dispatched', statusAt: clock.toISOString() });
    expect(await srv.app.domain.grid.escalateOverdue()).toHaveLength(0);
    clock = new Date(clock.getTime() + 30 * 86_400_000);
    const escalated = await srv.app.domain.grid.escalateOverdue();
    expect(escalated.map((c) => c.sourceId)).toEqual([ev.sourceId]);
    expect(escalated[0]).toMatchObject({ overdue: true, escalated: true });
    expect(await srv.app.domain.grid.escalateOverdue()).toHaveLength(0);
    const overdue = (await (await srv.get('/api/v1/incidents?overdue=true')).json()) as { items: GridCase[] };
    expect(overdue.items.map((c) => c.sourceId)).toEqual([ev.sourceId]);
  });

  it('escalates an unacknowledged alert step by step and expires it', async () => {
    const sent = clock.toISOString();
    await srv.ingest('/api/v1/ingest/alerts', {
      sourceId: 'esc-1',
      sender: 's',
      sent,
      category: 'rainstorm',
      event: '暴雨红色预警信号',
      level: 'red',
      districts: ['441702'],
      expires: new Date(clock.getTime() + 3600_000).toISOString(),
    });
    clock = new Date(clock.getTime() + 11 * 60_000);
    const [a] = await srv.app.domain.alerts.sweep();
    expect(a).toMatchObject({ escalation: 2, state: 'active' });
    clock = new Date(clock.getTime() + 3600_000);
    const [b] = await srv.app.domain.alerts.sweep();
    expect(b!.state).toBe('expired');
  });

  it('pages through incidents with a cursor', async () => {
    const base = Date.now() - 3600_000;
    await srv.ingest(
      '/api/v1/ingest/grid-events',
      Array.from({ length: 5 }, (_, i) => gridEvent({ reportedAt: new Date(base + i * 1000).toISOString() })),
    );
    const p1 = (await (await srv.get('/api/v1/incidents?limit=3')).json()) as { items: GridCase[]; nextCursor: string };
    const p2 = (await (await srv.get(`/api/v1/incidents?limit=3&cursor=${p1.nextCursor}`)).json()) as { items: GridCase[]; nextCursor: string | null };
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(2);
    expect(p2.nextCursor).toBeNull();
    const all = [...p1.items, ...p2.items].map((c) => c.reportedAt);
    expect(all).toEqual([...all].sort().reverse());
  });
});
