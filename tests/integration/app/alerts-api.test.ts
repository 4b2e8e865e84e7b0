import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveClient, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertJson } from '../../fixtures/payloads.js';
import type { Alert } from '../../../shared/schemas/index.js';

/** A closed, wiggly ring of `n` points around 江城区, [lon, lat]. */
function ring(n: number): [number, number][] {
  const pts = Array.from({ length: n - 1 }, (_, i): [number, number] => {
    const t = (2 * Math.PI * i) / (n - 1);
    const r = 0.05 + 0.004 * Math.sin(37 * t);
    return [111.95 + r * Math.cos(t), 21.86 + r * Math.sin(t)];
  });
  return [...pts, pts[0]!];
}

const points = (a: Alert) => a.areas.reduce((n, x) => n + x.polygons.reduce((m, r) => m + r.length, 0), 0);

describe('alerts read API and live topic', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => srv.close());

  it('pushes and lists a simplified shape of a large polygon, keeping the original in the detail', async () => {
    const client = await liveClient(srv.url, await srv.token('leader'));
    await client.subscribe({ topics: ['alerts'] });
    const res = await srv.ingest('/api/v1/ingest/alerts', alertJson({ sourceId: 'big-polygon', areas: [{ areaDesc: '江城区', polygons: [ring(8000)] }] }));
    expect(res.status).toBe(202);
    const [id] = ((await res.json()) as { ids: string[] }).ids;
    const pushed = (await client.waitFor('alerts', (d) => (d.items as Alert[]).some((a) => a.id === id))).items as Alert[];
    const onScreen = pushed.find((a) => a.id === id)!;
    expect(onScreen.simplified).toBe(true);
    expect(points(onScreen)).toBeLessThanOrEqual(1000);
    const shown = onScreen.areas[0]!.polygons[0]!;
    expect(shown[0]).toEqual(shown[shown.length - 1]);

    const listed = (await (await srv.get('/api/v1/alerts')).json()) as { items: Alert[] };
    expect(points(listed.items.find((a) => a.id === id)!)).toBeLessThanOrEqual(1000);
    const full = (await (await srv.get(`/api/v1/alerts/${id}`)).json()) as Alert;
    expect(full).toMatchObject({ id, simplified: false });
    expect(full.areas[0]!.polygons[0]).toEqual(ring(8000));
    expect(JSON.stringify(onScreen).length).toBeLessThan(JSON.stringify(full).length / 5);
    expect((await srv.get('/api/v1/alerts/no-such-id')).status).toBe(404);
    client.close();
  });

  it('gives every running alert in the live snapshot and pages the list explicitly (no silent 200)', async () => {
    const batch = Array.from({ length: 230 }, (_, i) => alertJson({ sourceId: `many-${i}` }));
    expect((await srv.ingest('/api/v1/ingest/alerts', batch)).status).toBe(202);
    const client = await liveClient(srv.url, await srv.token('leader'));
    const ack = await client.subscribe({ topics: ['alerts'] });
    expect(ack.ok).toBe(true);
    const snapshot = (ack as { data: { topics: { alerts: { snapshot: Alert[] } } } }).data.topics.alerts.snapshot;
    expect(snapshot.length).toBe(231);
    client.close();

    const first = (await (await srv.get('/api/v1/alerts')).json()) as { items: Alert[]; nextCursor: string | null };
    expect(first.items).toHaveLength(200);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (await srv.get(`/api/v1/alerts?cursor=${first.nextCursor}`)).json()) as { items: Alert[]; nextCursor: string | null };
    expect(second.items).toHaveLength(31);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((a) => a.id)).size).toBe(231);
    expect((await srv.get('/api/v1/alerts?cursor=garbage')).status).toBe(400);
  });

  it.each([
    ['a zero-width space', '\u200b'],
    ['zero-width joiners and a BOM', '\u200d\ufeff\u200c'],
    ['ideographic spaces', '\u3000 \u3000'],
  ])('refuses an acknowledgement whose comment is only %s', async (_name, comment) => {
    const [id] = ((await (await srv.ingest('/api/v1/ingest/alerts', alertJson())).json()) as { ids: string[] }).ids;
    const res = await fetch(`${srv.url}/api/v1/alerts/${id}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token('duty')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ comment }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('body.comment');
    expect(((await (await srv.get(`/api/v1/alerts/${id}`)).json()) as Alert).state).toBe('active');
  });
});
