import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchRedisHealth } from '../../../../server/src/realtime/redis-health.js';

class FakeClient extends EventEmitter {
  isReady = true;
  drop(err = 'ECONNREFUSED') {
    this.isReady = false;
    this.emit('error', new Error(err));
    this.emit('reconnecting');
  }
  recover() {
    this.isReady = true;
    this.emit('ready');
  }
}

describe('watchRedisHealth', () => {
  it('logs once when Redis goes away and once when it is back, however many retries in between', () => {
    const pub = new FakeClient();
    const sub = new FakeClient();
    const log = { warn: vi.fn(), info: vi.fn() };
    const health = watchRedisHealth([pub, sub], log);
    expect(health.up()).toBe(true);
    pub.drop();
    sub.drop();
    for (let i = 0; i < 50; i++) pub.drop(); // every reconnect attempt fails again
    expect(health.up()).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toMatchObject({ redis: 'degraded', error: 'ECONNREFUSED' });
    pub.recover();
    expect(health.up()).toBe(false); // the subscriber is still down
    expect(log.info).not.toHaveBeenCalled();
    sub.recover();
    expect(health.up()).toBe(true);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});
