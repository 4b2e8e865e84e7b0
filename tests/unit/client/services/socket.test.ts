import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LiveDelta, PackedLiveDelta, SubscribeRequest } from '../../../../shared/contracts/live.js';
import { packItems } from '../../../../shared/contracts/packed.js';
import { alert, gridCase } from '../fixtures/shell-items.js';
import type { LinkPort } from '../../../../client/src/services/socket.js';
import type { FromLink } from '../../../../client/src/live/protocol.js';

/** A stand-in for a socket.io-client socket: the test fires its events and answers its acks. */
class FakeSocket {
  auth: unknown;
  active = true;
  handlers = new Map<string, (...args: unknown[]) => void>();
  managerHandlers = new Map<string, () => void>();
  io = { on: (e: string, fn: () => void) => this.managerHandlers.set(e, fn) };
  requests: SubscribeRequest[] = [];
  answers: ((res: unknown) => void)[] = [];
  connect = vi.fn();
  close = vi.fn();
  constructor(opts: { auth: unknown }) {
    this.auth = opts.auth;
  }
  on(e: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(e, fn);
  }
  emitWithAck(_event: string, req: SubscribeRequest) {
    this.requests.push(req);
    return new Promise((resolve) => this.answers.push(resolve));
  }
  fire(e: string, ...args: unknown[]) {
    this.handlers.get(e)!(...args);
  }
  /** Answers the oldest pending subscribe. */
  answer(topics: Record<string, unknown>) {
    this.answers.shift()!({ ok: true, data: { topics } });
  }
}

const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: (_ns: string, opts: { auth: unknown }) => {
    const s = new FakeSocket(opts);
    sockets.push(s);
    return s;
  },
}));

const { createLiveSocket } = await import('../../../../client/src/services/socket.js');
const { LiveLink } = await import('../../../../client/src/live/link.js');
const { caseViews } = await import('../../../../client/src/live/cases/index.js');
const { useGridStore, useAlertsStore } = await import('../../../../client/src/stores/streams.js');

/** The live worker, run in process: messages cross a structured clone both ways, as with postMessage. */
function inProcessWorker(): LinkPort {
  const port: LinkPort = { onmessage: null, onerror: null, postMessage: (msg) => link.handle(structuredClone(msg)) };
  const link = new LiveLink((msg) => port.onmessage?.({ data: structuredClone(msg) } as MessageEvent<FromLink>), caseViews);
  return port;
}
/** A fresh page end and worker per test: no view timer or pace carries over from the test before. */
let liveSocket = createLiveSocket(inProcessWorker);

const delta = (seq: number, ...ids: string[]): LiveDelta => ({ topic: 'grid', seq, items: ids.map((id) => gridCase(id)) });
const flush = () => (vi.isFakeTimers() ? vi.advanceTimersByTimeAsync(0) : new Promise((r) => setTimeout(r, 0)));
/** The worker's copy of a case (its status), asked for as a popup does. */
const held = async (id: string) => (await liveSocket.ask({ kind: 'case', id }))?.status ?? null;

/** Connects the app's live socket and answers its first subscribe with `topics`; returns the socket. */
async function live(topics: Record<string, unknown>): Promise<FakeSocket> {
  liveSocket.connect('t1');
  const s = sockets[0]!;
  s.fire('connect');
  s.answer(topics);
  await flush();
  return s;
}

beforeEach(() => {
  setActivePinia(createPinia());
  liveSocket = createLiveSocket(inProcessWorker);
});
afterEach(() => {
  liveSocket.disconnect();
  sockets.length = 0;
});

describe('live socket', () => {
  it('subscribes on connect, applies the snapshot and goes live', async () => {
    liveSocket.connect('t1');
    const s = sockets[0]!;
    expect(liveSocket.state.value).toBe('connecting');
    s.fire('connect');
    expect(s.requests[0]).toMatchObject({ since: {} });
    s.answer({ grid: { seq: 5, snapshot: [gridCase('a'), gridCase('b')] } });
    await flush();
    expect(liveSocket.state.value).toBe('live');
    // The cases stay in the worker: the page gets their summary.
    expect(useGridStore().sizes).toEqual({ real: 2, drill: 0 });
    expect(await held('a')).toBe('registered');
    expect(await held('zzz')).toBeNull();
  });

  it('asks for packed deltas and applies them, packed or plain, in seq order', async () => {
    liveSocket.connect('t1');
    const s = sockets[0]!;
    s.fire('connect');
    expect(s.requests[0]).toMatchObject({ encoding: 'packed' });
    s.answer({ grid: { seq: 5, snapshot: [gridCase('a')] } });
    await flush();
    const packed = (seq: number, items: ReturnType<typeof gridCase>[]): PackedLiveDelta => ({ topic: 'grid', seq, packed: packItems(items)! });
    s.fire('live:delta', packed(6, [gridCase('a', { status: 'dispatched' }), gridCase('b')]));
    s.fire('live:delta', packed(6, [gridCase('a', { status: 'closed' })]));
    s.fire('live:delta', delta(7, 'c'));
    expect(useGridStore().sizes.real).toBe(3);
    // The repeated seq 6 was not applied again.
    expect(await held('a')).toBe('dispatched');
  });

  it('ignores a delta it has already applied', async () => {
    const s = await live({ grid: { seq: 5, snapshot: [] } });
    s.fire('live:delta', delta(6, 'c'));
    s.fire('live:delta', { topic: 'grid', seq: 6, items: [gridCase('c', { status: 'closed' })] });
    s.fire('live:delta', delta(4, 'old'));
    expect(useGridStore().sizes.real).toBe(1);
    expect(await held('c')).toBe('registered');
    expect(await held('old')).toBeNull();
  });

  it('resumes after a reconnect with since = the last seq applied, taking the missed deltas', async () => {
    const s = await live({ grid: { seq: 5, snapshot: [gridCase('a')] } });
    s.fire('live:delta', delta(6, 'b'));
    s.fire('disconnect');
    expect(liveSocket.state.value).toBe('reconnecting');
    s.fire('connect');
    expect(s.requests[1]!.since).toEqual({ grid: 6 });
    s.answer({ grid: { seq: 8, missed: [delta(7, 'c'), delta(8, 'd')] } });
    await flush();
    expect(liveSocket.state.value).toBe('live');
    expect(useGridStore().sizes.real).toBe(4);
    for (const id of ['a', 'b', 'c', 'd']) expect(await held(id)).toBe('registered');
  });

  it('holds deltas that arrive while a subscribe is in flight until its answer is applied', async () => {
    const s = await live({ grid: { seq: 5, snapshot: [] } });
    s.fire('live:resync', { topics: ['grid'] });
    // The server pushes 8 before the resubscribe answer carrying 6 and 7.
    s.fire('live:delta', { topic: 'grid', seq: 8, items: [gridCase('x', { status: 'closed' })] });
    expect(await held('x')).toBeNull();
    s.answer({ grid: { seq: 7, missed: [delta(6, 'x'), delta(7, 'y')] } });
    await flush();
    // Applied in seq order: 8 last, so x ends closed.
    expect(await held('x')).toBe('closed');
    expect(await held('y')).toBe('registered');
    expect(s.requests[1]!.since).toEqual({ grid: 5 });
  });

  it('hands a new token to the open socket and reopens one the server refused', () => {
    liveSocket.connect('t1');
    const s = sockets[0]!;
    liveSocket.connect('t2');
    expect(sockets).toHaveLength(1);
    expect(s.auth).toEqual({ token: 't2' });
    expect(s.connect).not.toHaveBeenCalled();
    s.active = false;
    s.fire('connect_error', new Error('unauthorized'));
    expect(liveSocket.state.value).toBe('offline');
    liveSocket.connect('t3');
    expect(s.auth).toEqual({ token: 't3' });
    expect(s.connect).toHaveBeenCalledTimes(1);
  });

  it('keeps the cases in the worker, posting the page their summary, and other topics as items', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T08:00:00Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const posted: FromLink[] = [];
    const link = new LiveLink((msg) => posted.push(structuredClone(msg)), caseViews);
    link.handle({ type: 'connect', token: 't1', namespace: '/live', topics: ['grid', 'alerts'] });
    const s = sockets[0]!;
    s.fire('connect');
    s.answer({ grid: { seq: 5, snapshot: [gridCase('a'), gridCase('b')] }, alerts: { seq: 1, snapshot: [] } });
    await flush();
    posted.length = 0;
    const packed: PackedLiveDelta = { topic: 'grid', seq: 6, packed: packItems([gridCase('a', { status: 'closed' }), gridCase('b'), gridCase('c', { exercise: true })])! };
    s.fire('live:delta', packed);
    const x = alert('x');
    s.fire('live:delta', { topic: 'alerts', seq: 2, items: [x] });
    expect(posted).toEqual([
      { type: 'summary', topic: 'grid', summary: { heard: { grid: Date.now() }, sizes: { real: 2, drill: 1 } } },
      { type: 'delta', topic: 'alerts', items: [x] },
    ]);
    link.handle({ type: 'disconnect' });
    expect(s.close).toHaveBeenCalled();
    // Signed out: the worker forgets the cases.
    expect(posted.slice(-2)).toEqual([
      { type: 'summary', topic: 'grid', summary: { heard: { grid: Date.now() }, sizes: { real: 0, drill: 0 } } },
      { type: 'state', state: 'offline' },
    ]);
  });

  it('posts a watched view at once, then its changes at most once a second, until it stops', async () => {
    // The view's pace is a matter of timers: fake ones from the start (the snapshot schedules the
    // views' first flush), so a loaded machine cannot reorder the flush and the deltas.
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const s = await live({ grid: { seq: 5, snapshot: [gridCase('a', { category: 'road' }), gridCase('b', { category: 'road' })] } });
    const rows: unknown[] = [];
    const view = liveSocket.watch({ kind: 'case-categories', mode: 'real', scope: 'open', limit: 5 }, (r) => rows.push(r));
    await vi.advanceTimersByTimeAsync(0);
    expect(rows).toEqual([[{ group: 'road', count: 2 }]]);
    s.fire('live:delta', { topic: 'grid', seq: 6, items: [gridCase('c', { category: 'litter' })] });
    s.fire('live:delta', { topic: 'grid', seq: 7, items: [gridCase('a', { status: 'closed' })] });
    await vi.advanceTimersByTimeAsync(80);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      { group: 'litter', count: 1 },
      { group: 'road', count: 1 },
    ]);
    s.fire('live:delta', { topic: 'grid', seq: 8, items: [gridCase('d', { category: 'litter' })] });
    await vi.advanceTimersByTimeAsync(80);
    // Within the second since the last post: held back.
    expect(rows).toHaveLength(2);
    view.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows).toHaveLength(2);
  });

  it("moves a map view to another box and answers its clusters' zoom", async () => {
    const near = (i: number) => gridCase(`n${i}`, { location: { lon: 111.98 + i * 1e-4, lat: 21.86 } });
    await live({ grid: { seq: 5, snapshot: [near(1), near(2), near(3)] } });
    const posts: { total: number; clusters: number[] }[] = [];
    const spec = { kind: 'case-map' as const, mode: 'real' as const, bbox: [111, 21, 113, 23] as [number, number, number, number], zoom: 9, clusterRadius: 42, clusterMaxZoom: 13 };
    const view = liveSocket.watch(spec, (d) => {
      const features = d.reset?.features ?? d.update?.data?.add ?? [];
      posts.push({ total: d.total, clusters: features.flatMap((f) => (typeof f.properties?.cluster_id === 'number' ? [f.properties.cluster_id] : [])) });
    });
    await flush();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.total).toBe(3);
    const [cluster] = posts[0]!.clusters;
    expect(cluster).toBeDefined();
    const zoom = await liveSocket.ask({ kind: 'cluster-zoom', view: view.id, clusterId: cluster! });
    expect(zoom).toBeGreaterThan(9);
    // Moved away from the cases: the cluster is removed.
    view.update({ ...spec, bbox: [100, 0, 101, 1] });
    await flush();
    expect(posts).toHaveLength(2);
    view.stop();
  });

  it("applies other topics' deltas to their stores", async () => {
    const s = await live({ alerts: { seq: 1, snapshot: [] } });
    s.fire('live:delta', { topic: 'alerts', seq: 2, items: [alert('x')] });
    expect([...useAlertsStore().real.keys()]).toEqual(['x']);
  });

  it('shows the screen offline when the worker fails, failing what was asked of it', async () => {
    let port: LinkPort | undefined;
    const socket = createLiveSocket(() => (port = inProcessWorker()));
    socket.connect('t1');
    expect(socket.state.value).toBe('connecting');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    port!.postMessage = () => undefined; // the worker is gone: nothing answers
    const pending = socket.ask({ kind: 'case', id: 'a' });
    port!.onerror!(new ErrorEvent('error'));
    expect(socket.state.value).toBe('offline');
    await expect(pending).rejects.toThrow('live worker failed');
    expect(error).toHaveBeenCalledWith('live worker failed', expect.any(ErrorEvent));
    error.mockRestore();
    socket.disconnect();
  });
});
