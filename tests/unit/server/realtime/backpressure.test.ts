import { describe, expect, it } from 'vitest';
import type { LiveTopic } from '../../../../shared/contracts/live.js';
import { BackpressureGuard } from '../../../../server/src/realtime/backpressure.js';

function fakeSocket(id: string, packets: number, bytes = 0) {
  return { id, connected: true, conn: { writeBuffer: new Array(packets).fill(0), transport: { socket: { bufferedAmount: bytes } } } };
}

function setup(sockets: Map<string, ReturnType<typeof fakeSocket>>) {
  const resumed: [string, LiveTopic[]][] = [];
  const guard = new BackpressureGuard({
    maxBufferedPackets: 10,
    maxBufferedBytes: 1000,
    resumeCheckMs: 5,
    lookup: (id) => sockets.get(id),
    onResume: (id, topics) => resumed.push([id, topics]),
  });
  return { guard, resumed };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('BackpressureGuard', () => {
  it('calls a socket congested above either threshold', () => {
    const { guard } = setup(new Map());
    expect(guard.isCongested(fakeSocket('a', 10, 1000))).toBe(false);
    expect(guard.isCongested(fakeSocket('a', 11))).toBe(true);
    expect(guard.isCongested(fakeSocket('a', 0, 1001))).toBe(true);
    expect(guard.isCongested({ id: 'p', connected: true, conn: { writeBuffer: [], transport: {} } })).toBe(false);
  });

  it('asks a dropped socket to resync once, after it has drained', async () => {
    const slow = fakeSocket('s', 50);
    const { guard, resumed } = setup(new Map([['s', slow]]));
    guard.markDropped('s', ['grid', 'env']);
    expect(guard.droppedCount).toBe(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(resumed).toEqual([]);
    slow.conn.writeBuffer = [];
    await until(() => resumed.length > 0);
    expect(resumed).toEqual([['s', ['grid', 'env']]]);
    expect(guard.resyncCount).toBe(1);
    guard.close();
  });

  it('forgets drops the client resolved by re-subscribing', async () => {
    const slow = fakeSocket('s', 0);
    const { guard, resumed } = setup(new Map([['s', slow]]));
    guard.markDropped('s', ['grid', 'env']);
    guard.clear('s', ['grid']);
    await until(() => resumed.length > 0);
    expect(resumed).toEqual([['s', ['env']]]);
    guard.close();
  });
});
