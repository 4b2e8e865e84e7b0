import { z } from 'zod';
import type { ExtendedError } from 'socket.io';
import { liveTopic, subscribeRequest, type Ack, type ErrorBody, type LiveTopic, type SocketData, type SubscribeResult } from '../../../shared/contracts/live.js';
import type { Fanout } from './fanout.js';
import { answerTopic, type ReplayDeps } from './replay.js';
import { resolveScope } from './subscriptions.js';
import { DbTimeoutError } from '../store/deadline.js';
import type { LiveLogger, LiveSocket } from './types.js';
import type { LimitFunction } from 'p-limit';
import { bufferedBytes, bufferedPackets } from './backpressure.js';
import { framedFor } from './shared-frames.js';

const unsubscribeRequest = z.object({ topics: z.array(liveTopic).min(1) });

/** Turns the handshake `auth.token` into `socket.data.user`, or refuses the connection. */
export function authMiddleware(verifyToken: (token: string) => Promise<SocketData['user']>, log: LiveLogger) {
  return (socket: LiveSocket, next: (err?: ExtendedError) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === 'object' ? (auth as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token.length === 0) {
      next(refusal('unauthorized: missing token (handshake auth: {token})'));
      return;
    }
    verifyToken(token).then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (err: unknown) => {
        log.debug({ err }, 'live: token refused');
        next(refusal('unauthorized: invalid or expired token'));
      },
    );
  };
}

function refusal(message: string): ExtendedError {
  const err: ExtendedError = new Error(message);
  err.data = { code: 'unauthorized' };
  return err;
}

/** What the command handlers need from the hub. */
export interface HandlerDeps extends ReplayDeps {
  fanout: Fanout;
  /**
   * Sends subscribe answers a few at a time across all sockets, each until its socket has
   * written it out (`untilWritten`): a thousand screens subscribing at once then hold a few
   * packets in memory instead of a thousand.
   */
  answers: LimitFunction;
  /** Resolves once the hub knows the head of every topic. */
  ready: Promise<void>;
  log: LiveLogger;
}

/** Registers `live:subscribe` and `live:unsubscribe` on a connected socket. */
export function registerLiveHandlers(socket: LiveSocket, deps: HandlerDeps): void {
  socket.on('live:subscribe', (...args: unknown[]) => {
    const [payload, reply] = splitArgs<SubscribeResult>(args);
    void subscribe(socket, payload, reply, deps);
  });
  socket.on('live:unsubscribe', (...args: unknown[]) => {
    const [payload, reply] = splitArgs<{ topics: LiveTopic[] }>(args);
    const parsed = unsubscribeRequest.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: invalid(parsed.error) });
    deps.fanout.unsubscribe(socket, parsed.data.topics);
    reply({ ok: true, data: { topics: deps.fanout.topicsOf(socket.id) } });
  });
}

/** Payload and ack of a command; `emit(event, cb)` without a payload is answered, not left hanging. */
function splitArgs<T>(args: unknown[]): [unknown, (res: Ack<T>) => void] {
  const [first, second] = args;
  if (typeof first === 'function' && args.length === 1) return [undefined, first as (res: Ack<T>) => void];
  return [first, typeof second === 'function' ? (second as (res: Ack<T>) => void) : () => undefined];
}

async function subscribe(socket: LiveSocket, raw: unknown, reply: (res: Ack<SubscribeResult>) => void, deps: HandlerDeps) {
  const parsed = subscribeRequest.safeParse(raw);
  if (!parsed.success) return reply({ ok: false, error: invalid(parsed.error) });
  const req = parsed.data;
  const resolved = resolveScope(socket.data.user, req.districts);
  if (!resolved.ok) return reply({ ok: false, error: resolved.error });
  const scope = resolved.scope;
  const topics = [...new Set(req.topics)];
  try {
    await deps.ready;
  } catch {
    return reply({ ok: false, error: { code: 'unavailable', message: 'live push is not available' } });
  }
  // Hold first, read the head second: every delta after the head is then caught by the hold.
  const view = { scope, encoding: req.encoding ?? 'items' };
  const tokens = new Map<LiveTopic, number>(topics.map((t) => [t, deps.fanout.beginHold(socket, t, view)]));
  const seqs = new Map<LiveTopic, number>();
  const result: SubscribeResult = { topics: {} };
  try {
    // Read before waiting for a turn to answer: subscribers waiting together then share the
    // same snapshot reads, each encoded once (replay.ts), and hold only a reference to them.
    for (const topic of topics) {
      const seq = await deps.repo.currentSeq(topic);
      seqs.set(topic, seq);
      (result.topics as Record<string, unknown>)[topic] = await answerTopic(topic, seq, req.since?.[topic], scope, deps);
    }
  } catch (err) {
    for (const topic of topics) deps.fanout.cancelHold(socket.id, topic, tokens.get(topic)!);
    if (err instanceof DbTimeoutError) {
      deps.log.warn({ topics }, `live: subscribe failed: ${err.message}`);
      return reply({ ok: false, error: { code: 'unavailable', message: 'the database did not answer in time, try again shortly' } });
    }
    deps.log.error({ err, topics }, 'live: subscribe failed');
    return reply({ ok: false, error: { code: 'internal', message: 'subscribe failed, try again' } });
  }
  // The answer becomes a packet of its own per socket: a few at a time, each until it is sent.
  await deps.answers(async () => {
    // Its snapshots go out as the same shared bytes to every socket (shared-frames.ts).
    framedFor(socket.conn, () => reply({ ok: true, data: result }));
    for (const topic of topics) deps.fanout.releaseHold(socket, topic, tokens.get(topic)!, seqs.get(topic)!);
    await untilWritten(socket);
  });
}

/** Resolves once the socket has handed what it was sent to the network, it closed, or `maxMs` passed (a stuck client keeps no slot). */
async function untilWritten(socket: LiveSocket, maxMs = 10_000): Promise<void> {
  const until = Date.now() + maxMs;
  while (socket.connected && (bufferedPackets(socket) > 0 || bufferedBytes(socket) > 0) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function invalid(err: z.ZodError): ErrorBody {
  const first = err.issues[0];
  const path = first?.path.map(String).join('.') || '(root)';
  return { code: 'validation_failed', message: `Invalid input: ${path}: ${first?.message ?? 'invalid'}` };
}
