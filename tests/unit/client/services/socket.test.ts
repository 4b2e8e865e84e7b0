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
const { useGridStore, useAlertsStore } = await import('../../../../client/src/stores/streams.js');

/** The live worker, run in process: messages cross a structured clone both ways, as with postMessage. */
function inProcessWorker(): LinkPort {
  const port: LinkPort = { onmessage: null, onerror: null, postMessage: (msg) => link.handle(structuredClone(msg)) };
  const link = new LiveLink((msg) => port.onmessage?.({ data: structuredClone(msg) } as MessageEvent<FromLink>));
  return port;
}
const liveSocket = createLiveSocket(inProcessWorker);

const delta = (seq: number, ...ids: string[]): LiveDelta => ({ topic: 'grid', seq, items: ids.map((id) => gridCase(id)) });
const flush = () => new Promise((r) => setTimeout(r, 0));

/** Connects the app's live socket and answers its first subscribe with `topics`; returns the socket. */
async function live(topics: Record<string, unknown>): Promise<FakeSocket> {
  liveSocket.connect('t1');
  const s = sockets[0]!;
  s.fire('connect');
  s.answer(topics);
  await flush();
  return s;
}

beforeEach(() => setActivePinia(createPinia()));
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
    expect([...useGridStore().real.keys()]).toEqual(['a', 'b']);
  });

  it('asks for packed deltas and applies them, packed or plain, in seq order', async () => {
    liveSocket.connect('t1');
    const s = sockets[0]!;
    s.fire('connect');
    expect(s.requests[0]).toMatchObject({ encoding: 'packed' });
    s.answer({ grid: { seq: 5, snapshot: [gridCase('a')] } });
    await flush();
    const stored = useGridStore().real.get('a')!;
    const packed = (seq: number, items: ReturnType<typeof gridCase>[]): PackedLiveDelta => ({ topic: 'grid', seq, packed: packItems(items)! });
    s.fire('live:delta', packed(6, [gridCase('a', { status: 'dispatched' }), gridCase('b')]));
    s.fire('live:delta', packed(6, [gridCase('a', { status: 'closed' })]));
    s.fire('live:delta', delta(7, 'c'));
    const grid = useGridStore();
    expect([...grid.real.keys()]).toEqual(['a', 'b', 'c']);
    // The case is updated in place, and the repeated seq 6 was not applied again.
    expect(grid.real.get('a')).toBe(stored);
    expect(stored.status).toBe('dispatched');
  });

  it('ignores a delta it has already applied', async () => {
    const s = await live({ grid: { seq: 5, snapshot: [] } });
    const listener = vi.fn();
    useGridStore().onChange('real', listener);
    s.fire('live:delta', delta(6, 'c'));
    s.fire('live:delta', delta(6, 'c'));
    s.fire('live:delta', delta(4, 'old'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(useGridStore().real.has('old')).toBe(false);
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
    expect([...useGridStore().real.keys()]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('holds deltas that arrive while a subscribe is in flight until its answer is applied', async () => {
    const s = await live({ grid: { seq: 5, snapshot: [] } });
    s.fire('live:resync', { topics: ['grid'] });
    const order: string[] = [];
    useGridStore().onChange('real', (c) => order.push(...c.items.map((i) => i.id)));
    // The server pushes 8 before the resubscribe answer carrying 6 and 7.
    s.fire('live:delta', delta(8, 'late'));
    expect(order).toEqual([]);
    s.answer({ grid: { seq: 7, missed: [delta(6, 'x'), delta(7, 'y')] } });
    await flush();
    expect(order).toEqual(['x', 'y', 'late']);
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

  it('posts a busy topic as the fields that changed, other topics as items', async () => {
    // The fixtures stamp the current time: freeze it, so equal cases are equal.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T08:00:00Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const posted: FromLink[] = [];
    const link = new LiveLink((msg) => posted.push(structuredClone(msg)));
    link.handle({ type: 'connect', token: 't1', namespace: '/live', topics: ['grid', 'alerts'] });
    const s = sockets[0]!;
    s.fire('connect');
    s.answer({ grid: { seq: 5, snapshot: [gridCase('a'), gridCase('b')] }, alerts: { seq: 1, snapshot: [] } });
    await flush();
    posted.length = 0;
    const packed: PackedLiveDelta = { topic: 'grid', seq: 6, packed: packItems([gridCase('a', { status: 'closed' }), gridCase('b'), gridCase('c')])! };
    s.fire('live:delta', packed);
    const x = alert('x');
    s.fire('live:delta', { topic: 'alerts', seq: 2, items: [x] });
    expect(posted).toEqual([
      { type: 'patch', topic: 'grid', patch: { added: [gridCase('c')], changed: [packItems([{ id: 'a', status: 'closed' }]), packItems([{ id: 'b' }])] } },
      { type: 'delta', topic: 'alerts', items: [x] },
    ]);
    link.handle({ type: 'disconnect' });
    expect(s.close).toHaveBeenCalled();
    expect(posted.at(-1)).toEqual({ type: 'state', state: 'offline' });
  });

  it('applies other topics\' deltas to their stores', async () => {
    const s = await live({ alerts: { seq: 1, snapshot: [] } });
    s.fire('live:delta', { topic: 'alerts', seq: 2, items: [alert('x')] });
    expect([...useAlertsStore().real.keys()]).toEqual(['x']);
  });

  it('shows the screen offline when the worker fails', () => {
    let port: LinkPort | undefined;
    const socket = createLiveSocket(() => (port = inProcessWorker()));
    socket.connect('t1');
    expect(socket.state.value).toBe('connecting');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    port!.onerror!(new ErrorEvent('error'));
    expect(socket.state.value).toBe('offline');
    expect(error).toHaveBeenCalledWith('live worker failed', expect.any(ErrorEvent));
    error.mockRestore();
    socket.disconnect();
  });
});
