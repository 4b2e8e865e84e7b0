import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent, JIANGCHENG, YANGCHUN } from '../../fixtures/payloads.js';
import type { CaseTimelineEntry, GridCase } from '../../../shared/schemas/index.js';
import { snapshotCases } from '../../../server/src/domain/grid/case-list.repository.js';
import { haversineM } from '../../../server/src/city/nearby.js';
import { isOpen } from '../../../shared/domain/lifecycle.js';

type User = 'duty' | 'leader' | 'grid' | 'admin';
interface Detail {
  case: GridCase;
  timeline: CaseTimelineEntry[];
  related: GridCase[];
}
interface ErrorBody {
  error: { code: string; message: string; issues: { path: string }[] };
  case?: GridCase;
  changedBy?: { actor: string; at: string; action: string | null };
}

// The desk's case interface (issue 11) on both engines, as the existing PostgreSQL test runs.
describe.each([
  { engine: 'PGlite', postgres: false },
  { engine: 'PostgreSQL', postgres: true },
])('the desk’s case interface on $engine', ({ postgres }) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | null = null;
  beforeAll(async () => {
    schema = postgres ? await pgSchema() : null;
    srv = await startTestServer({ databaseUrl: schema?.url });
  });
  afterAll(async () => {
    await srv.close();
    await schema?.drop();
  });

  const post = async (path: string, body: unknown, user: User = 'duty') =>
    fetch(`${srv.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await srv.token(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const create = async (over: Record<string, unknown> = {}): Promise<string> => {
    const res = await srv.ingest('/api/v1/ingest/grid-events', gridEvent(over));
    expect(res.status).toBe(202);
    return ((await res.json()) as { ids: string[] }).ids[0]!;
  };
  const detail = async (id: string, user: User = 'duty') => (await (await srv.get(`/api/v1/incidents/${id}`, user)).json()) as Detail;
  /** Acts on the version the desk last read. */
  const act = async (id: string, action: string, extra: Record<string, unknown> = {}, user: User = 'duty') => {
    const version = (await detail(id)).case.version;
    return post(`/api/v1/incidents/${id}/actions`, { action, version, ...extra }, user);
  };
  const walk = async (id: string, actions: string[]) => {
    for (const a of actions) expect((await act(id, a, a === 'dispatch' ? { department: 'urban-management' } : {})).status, a).toBe(200);
  };
  const list = async (query: string, user: User = 'duty') =>
    (await (await srv.get(`/api/v1/incidents?${query}`, user)).json()) as { items: GridCase[]; nextCursor: string | null; counts?: Record<string, number> };

  it('refuses a stale version with 409 conflict carrying the current case and who changed it, changing nothing', async () => {
    const id = await create();
    const { case: read } = await detail(id);
    expect(read.version).toBe(1);
    const [a, b] = await Promise.all([
      post(`/api/v1/incidents/${id}/actions`, { action: 'register', version: 1, note: 'first' }),
      post(`/api/v1/incidents/${id}/actions`, { action: 'reject', version: 1, note: 'second' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const winner = ((await won.json()) as { case: GridCase }).case;
    expect(winner.version).toBe(2);
    const body = (await lost.json()) as ErrorBody;
    expect(body.error.code).toBe('conflict');
    expect(body.case).toEqual(winner);
    expect(body.changedBy).toMatchObject({ actor: 'duty', action: winner.status === 'registered' ? 'register' : 'reject' });
    const after = await detail(id);
    expect(after.case).toEqual(winner);
    expect(after.timeline).toHaveLength(2);
  });

  it('needs the version: 422 naming it', async () => {
    const id = await create();
    const res = await post(`/api/v1/incidents/${id}/actions`, { action: 'register' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.issues.map((i) => i.path)).toContain('body.version');
    expect((await detail(id)).case.status).toBe('reported');
  });

  it('raises the version on ingest moves too', async () => {
    const ev = gridEvent();
    await srv.ingest('/api/v1/ingest/grid-events', ev);
    await srv.ingest('/api/v1/ingest/grid-events', { ...ev, status: 'dispatched' });
    const [c] = (await list('limit=1000')).items.filter((x) => x.sourceId === ev.sourceId);
    expect(c).toMatchObject({ status: 'dispatched', version: 2 });
    const d = await detail(c!.id);
    expect(d.timeline.slice(1).map((t) => t.action)).toEqual(['register', 'dispatch']);
  });

  it('dispatches only to a department of the city pack, with an optional named handler; feedback keeps a photo link', async () => {
    const id = await create();
    await walk(id, ['register']);
    const bad = await act(id, 'dispatch', { department: 'no-such-department' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as ErrorBody).error.issues.map((i) => i.path)).toEqual(['department']);
    expect((await act(id, 'dispatch', { department: 'sanitation', assignee: '王师傅' })).status).toBe(200);
    expect((await act(id, 'start')).status).toBe(200);
    expect((await act(id, 'feedback', { photoUrl: 'javascript:alert(1)' })).status).toBe(422);
    expect((await act(id, 'feedback', { note: '已修复', photoUrl: 'https://photos.example.cn/done.jpg' })).status).toBe(200);
    const d = await detail(id);
    expect(d.case).toMatchObject({ department: 'sanitation', assignee: '王师傅', status: 'feedback', version: 5 });
    expect(d.timeline.find((t) => t.action === 'feedback')).toMatchObject({ mediaUrl: 'https://photos.example.cn/done.jpg', note: '已修复', department: 'sanitation' });
    expect((await list('assignee=王师傅')).items.map((c) => c.id)).toEqual([id]);
  });

  it('supervises (督办) an open case: note and a future due time, the new deadline, the department on the timeline', async () => {
    const id = await create();
    await walk(id, ['register', 'dispatch']);
    const due = new Date(Date.now() + 3 * 3600_000).toISOString();
    expect((await act(id, 'supervise', { dueAt: due })).status).toBe(422);
    expect((await act(id, 'supervise', { note: '限期处理', dueAt: new Date(Date.now() - 60_000).toISOString() })).status).toBe(422);
    expect((await act(id, 'supervise', { note: '限期处理', dueAt: due }, 'grid')).status).toBe(403);
    const res = await act(id, 'supervise', { note: '限期处理', dueAt: due });
    expect(res.status).toBe(200);
    const c = ((await res.json()) as { case: GridCase }).case;
    expect(c).toMatchObject({ status: 'dispatched', deadlineAt: due, version: 4, supervised: { by: 'duty', note: '限期处理', dueAt: due } });
    const entry = (await detail(id)).timeline.at(-1)!;
    expect(entry).toMatchObject({ action: 'supervise', actor: 'duty', status: 'dispatched', department: 'urban-management', note: '限期处理' });
    expect((await list('supervised=true&limit=1000')).items.map((x) => x.id)).toContain(id);
    expect((await list('supervised=false&limit=1000')).items.map((x) => x.id)).not.toContain(id);
  });

  it('merges a duplicate into its master: both timelines on the master, the duplicate closed as such, Open311 naming the master', async () => {
    const master = await create();
    const dup = await create({ source: 'open311', description: '同一个井盖' });
    await walk(master, ['register']);
    expect((await act(dup, 'merge', { masterId: dup })).status).toBe(422);
    expect((await act(dup, 'merge', {}, 'grid')).status).toBe(403);
    const res = await act(dup, 'merge', { masterId: master, note: '同一井盖' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { case: GridCase }).case).toMatchObject({ status: 'closed', closeReason: 'duplicate', mergedInto: master, version: 2 });
    const m = await detail(master);
    expect(m.case.version).toBe(3);
    expect(m.timeline.find((t) => t.action === 'merge' && !t.fromCase)).toMatchObject({ refCase: dup, actor: 'duty' });
    const fromDup = m.timeline.filter((t) => t.fromCase === dup);
    expect(fromDup.map((t) => t.status)).toEqual(['reported', 'closed']);
    expect(fromDup[1]).toMatchObject({ action: 'merge', refCase: master, note: '同一井盖' });
    const [req] = (await (await fetch(`${srv.url}/open311/v2/requests/${dup}.json`)).json()) as { status: string; status_notes: string }[];
    expect(req!.status).toBe('closed');
    expect(req!.status_notes).toContain(master);
    // A closed master takes no more duplicates.
    const third = await create();
    await walk(master, ['dispatch', 'start', 'feedback', 'close']);
    expect((await act(third, 'merge', { masterId: master })).status).toBe(409);
  });

  it('never merges a drill case with a real one', async () => {
    const real = await create();
    const drill = await create({ exercise: true });
    const res = await act(drill, 'merge', { masterId: real });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.issues.map((i) => i.path)).toEqual(['masterId']);
    expect((await detail(drill)).case).toMatchObject({ status: 'reported', version: 1, mergedInto: null });
    expect((await detail(real)).case.version).toBe(1);
  });

  it('acts in bulk, each item on its own: one done, one stale, one unknown', async () => {
    const [a, b] = [await create(), await create()];
    await walk(b, ['register']);
    const res = await post('/api/v1/incidents/actions', {
      action: 'register',
      note: '批量立案',
      items: [
        { id: a, version: 1 },
        { id: b, version: 1 },
        { id: '00000000-0000-4000-8000-000000000000', version: 1 },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { id: string; ok: boolean; error?: { code: string }; case?: GridCase }[] };
    expect(results.map((r) => [r.id, r.ok, r.error?.code])).toEqual([
      [a, true, undefined],
      [b, false, 'conflict'],
      ['00000000-0000-4000-8000-000000000000', false, 'not_found'],
    ]);
    expect(results[0]!.case).toMatchObject({ status: 'registered', version: 2 });
    expect(results[1]!.case).toMatchObject({ id: b, version: 2 });
    expect((await post('/api/v1/incidents/actions', { action: 'register', items: [] })).status).toBe(422);
  });

  it('filters by text, source, department and status counts; sorts by deadline with a cursor that pages every case once', async () => {
    const tag = `标记${Date.now().toString(36)}`;
    const ids = [
      await create({ title: `${tag} 井盖`, source: 'hotline' }),
      await create({ description: `人行道 ${tag.toUpperCase()}`, category: 'manhole_missing' }),
      await create({ address: `东风路 ${tag} 号`, exercise: false }),
      await create({ title: '无关' }),
    ];
    await walk(ids[0]!, ['register', 'dispatch']);
    await walk(ids[1]!, ['register', 'dispatch']);
    const found = await list(`q=${encodeURIComponent(tag.toLowerCase())}&counts=true&limit=1000`);
    expect(found.items.map((c) => c.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(found.counts).toEqual({ dispatched: 2, reported: 1 });
    const dispatched = await list(`q=${encodeURIComponent(tag)}&status=dispatched&counts=true`);
    expect(dispatched.items).toHaveLength(2);
    expect(dispatched.counts).toEqual({ dispatched: 2, reported: 1 });
    expect((await list(`q=${encodeURIComponent(tag)}&source=hotline`)).items.map((c) => c.id)).toEqual([ids[0]]);
    expect((await list(`q=${encodeURIComponent(tag)}&department=urban-management`)).items).toHaveLength(2);
    expect((await list('q=%25')).items).toHaveLength(0); // % is text, not a wildcard

    // manhole_missing (2 h) is due before manhole_cover (4 h); cases without a deadline come last.
    for (const order of ['asc', 'desc']) {
      const seen: GridCase[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`q=${encodeURIComponent(tag)}&sort=deadline&order=${order}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const expected = order === 'asc' ? [ids[1], ids[0], ids[2]] : [ids[0], ids[1], ids[2]];
      expect(
        seen.map((c) => c.id),
        order,
      ).toEqual(expected);
    }
    expect((await srv.get('/api/v1/incidents?sort=priority')).status).toBe(422);
  });

  it('shows related cases: same unit grid and category within 24 hours, same partition, not itself', async () => {
    const t = Date.now() - 3600_000;
    const at = (h: number) => new Date(t - h * 3600_000).toISOString();
    const here = { lon: 111.9301, lat: 21.8402 };
    const main = await create({ location: here, category: 'road_damage', reportedAt: at(0) });
    const near = await create({ location: here, category: 'road_damage', reportedAt: at(5) });
    await create({ location: here, category: 'road_damage', reportedAt: at(30) });
    await create({ location: here, category: 'manhole_cover', reportedAt: at(1) });
    await create({ location: here, category: 'road_damage', reportedAt: at(2), exercise: true });
    const d = await detail(main);
    expect(d.related.map((c) => c.id)).toEqual([near]);
  });

  it('finds resources and cameras within a radius, nearest first, with their distances', async () => {
    const res = await srv.get(`/api/v1/nearby?lon=${JIANGCHENG.lon}&lat=${JIANGCHENG.lat}&radius=3000`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { radius: number; items: { kind: string; id: string; lon: number; lat: number; distanceM: number; type?: string }[] };
    expect(body.radius).toBe(3000);
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((i) => i.kind))).toEqual(new Set(['resources', 'cameras']));
    for (const i of body.items) {
      expect(i.distanceM).toBeLessThanOrEqual(3000);
      expect(Math.abs(i.distanceM - haversineM(JIANGCHENG, i))).toBeLessThanOrEqual(1);
    }
    const d = body.items.map((i) => i.distanceM);
    expect(d).toEqual([...d].sort((x, y) => x - y));
    const all = (await (await srv.get('/api/v1/cameras')).json()) as { items: { id: string; location: { lon: number; lat: number } }[] };
    const inside = all.items
      .filter((c) => haversineM(JIANGCHENG, c.location) <= 3000)
      .map((c) => c.id)
      .sort();
    expect(
      body.items
        .filter((i) => i.kind === 'cameras')
        .map((i) => i.id)
        .sort(),
    ).toEqual(inside);
    const cams = (await (await srv.get(`/api/v1/nearby?lon=${JIANGCHENG.lon}&lat=${JIANGCHENG.lat}&radius=3000&kinds=cameras`)).json()) as { items: { kind: string }[] };
    expect(cams.items.every((i) => i.kind === 'cameras')).toBe(true);
    expect((await srv.get(`/api/v1/nearby?lon=${JIANGCHENG.lon}&lat=${JIANGCHENG.lat}&radius=50`)).status).toBe(422);
    // A grid administrator of 江城区 sees nothing of 阳春 whatever the radius.
    const far = (await (await srv.get(`/api/v1/nearby?lon=${YANGCHUN.lon}&lat=${YANGCHUN.lat}&radius=5000`, 'grid')).json()) as { items: { id: string }[] };
    expect(far.items.filter((i) => !i.id.startsWith('441702'))).toEqual([]);
  });

  it('confines a grid administrator to its districts: a case outside is not found, to read or to act on', async () => {
    const outside = await create({ location: YANGCHUN });
    expect((await srv.get(`/api/v1/incidents/${outside}`, 'grid')).status).toBe(404);
    expect((await post(`/api/v1/incidents/${outside}/actions`, { action: 'register', version: 1 }, 'grid')).status).toBe(404);
    const bulk = (await (await post('/api/v1/incidents/actions', { action: 'register', items: [{ id: outside, version: 1 }] }, 'grid')).json()) as {
      results: { ok: boolean; error?: { code: string } }[];
    };
    expect(bulk.results[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await detail(outside)).case.version).toBe(1);
  });

  it('snapshots every open case whatever the cap on finished ones', async () => {
    const open = [await create(), await create(), await create()];
    const done = [await create(), await create()];
    for (const id of done) await walk(id, ['reject']);
    const since = new Date(Date.now() - 3600_000).toISOString();
    const snap = await snapshotCases(srv.db, null, since, 1);
    const ids = new Set(snap.map((c) => c.id));
    for (const id of open) expect(ids.has(id)).toBe(true);
    expect(snap.filter((c) => !isOpen(c.status))).toHaveLength(1);
  });
});
