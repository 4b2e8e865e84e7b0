import { performance } from 'node:perf_hooks';
import type { LiveTopic, TopicItems } from '../../../shared/contracts/live.js';
import type { SnapshotFn } from './replay.js';

/**
 * A snapshot read shared by the subscribers of one topic and scope: `headReadAt` is when the
 * subscriber's head `seq` had been read (`performance.now()`), and the answer is a read sent
 * after it, so it holds at least everything up to that `seq` as the subscribe contract says.
 */
export type SharedSnapshotFn = <T extends LiveTopic>(topic: T, districts: string[] | null, headReadAt: number) => Promise<TopicItems[T][]>;

interface Flight {
  sentAt: number;
  promise: Promise<unknown[]>;
}

interface Entry {
  inFlight?: Flight;
  /** The read sent when the one in flight ends, for subscribers that came after it was sent. */
  next?: { promise: Promise<unknown[]>; send: () => void };
}

/**
 * Reads each topic and scope's snapshot at most once at a time, plus one queued read: when a
 * thousand screens subscribe together (a restart, a network blip) they share two or three
 * reads instead of queueing a thousand on the database. A subscriber joins the read in flight
 * when it was sent after its head read, else the queued one, which is sent after it.
 */
export function shareSnapshots(read: SnapshotFn): SharedSnapshotFn {
  const entries = new Map<string, Entry>();

  function send(key: string, entry: Entry, topic: LiveTopic, districts: string[] | null): Promise<unknown[]> {
    const promise = read(topic, districts).finally(() => {
      entry.inFlight = undefined;
      const next = entry.next;
      entry.next = undefined;
      if (next) next.send();
      else entries.delete(key);
    });
    entry.inFlight = { sentAt: performance.now(), promise };
    return promise;
  }

  return (<T extends LiveTopic>(topic: T, districts: string[] | null, headReadAt: number) => {
    const key = `${topic}|${districts ? [...districts].sort().join(',') : '*'}`;
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = {}));
    if (!entry.inFlight) return send(key, entry, topic, districts);
    if (entry.inFlight.sentAt >= headReadAt) return entry.inFlight.promise;
    if (!entry.next) {
      const e = entry;
      let resolve!: (items: unknown[]) => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<unknown[]>((res, rej) => ((resolve = res), (reject = rej)));
      entry.next = { promise, send: () => void send(key, e, topic, districts).then(resolve, reject) };
    }
    return entry.next.promise;
  }) as SharedSnapshotFn;
}
