import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, LIVE_TOPICS, type ClientToServerEvents, type LiveDelta, type LiveTopic, type ServerToClientEvents } from '../../shared/contracts/live.js';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The minimal live connection of the start page: subscribes to every topic, keeps the
 * last seq per topic and resumes with `since` after a reconnect.
 */
export function openLiveFeed(token: string, on: { state(s: LiveState): void; delta(d: LiveDelta): void; snapshot(topic: LiveTopic, n: number): void }) {
  const seq: Partial<Record<LiveTopic, number>> = {};
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(LIVE_NAMESPACE, { auth: { token }, transports: ['websocket'] });
  const subscribe = async () => {
    const res = await socket.emitWithAck('live:subscribe', { topics: [...LIVE_TOPICS], since: seq });
    if (!res.ok) return on.state('offline');
    for (const [topic, t] of Object.entries(res.data.topics) as [LiveTopic, { seq: number; snapshot?: unknown[]; missed?: LiveDelta[] }][]) {
      if (t.snapshot) on.snapshot(topic, t.snapshot.length);
      for (const d of t.missed ?? []) on.delta(d);
      seq[topic] = t.seq;
    }
    on.state('live');
  };
  socket.on('connect', () => void subscribe());
  socket.on('disconnect', () => on.state('reconnecting'));
  socket.on('connect_error', () => on.state('offline'));
  socket.on('live:resync', () => void subscribe());
  socket.on('live:delta', (d) => {
    seq[d.topic] = d.seq;
    on.delta(d);
  });
  return () => socket.close();
}
