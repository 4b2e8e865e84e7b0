import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatch } from '../../../../client/src/map/layers/frame-batch.js';

describe('createFrameBatch', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (n: number) => (frames[n - 1] = () => undefined));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const nextFrame = () => frames.splice(0).forEach((cb) => cb(0));

  it('hands every key changed during a frame to one flush, each key once', () => {
    const flush = vi.fn();
    const batch = createFrameBatch<{ id: string }>((i) => i.id, flush);
    batch.push({ items: [{ id: 'a' }, { id: 'b' }], reset: false });
    batch.push({ items: [{ id: 'a' }, { id: 'c' }], reset: false });
    expect(flush).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    nextFrame();
    expect(flush).toHaveBeenCalledTimes(1);
    expect([...flush.mock.calls[0]![0]]).toEqual(['a', 'b', 'c']);
  });

  it('lets a snapshot supersede the changes pending before and after it in the frame', () => {
    const flush = vi.fn();
    const batch = createFrameBatch<{ id: string }>((i) => i.id, flush);
    batch.push({ items: [{ id: 'a' }], reset: false });
    batch.push({ items: [], reset: true });
    batch.push({ items: [{ id: 'b' }], reset: false });
    nextFrame();
    expect(flush.mock.calls).toEqual([['reset']]);
  });

  it('schedules nothing for an empty change and drops pending work when cancelled', () => {
    const flush = vi.fn();
    const batch = createFrameBatch<{ id: string }>((i) => i.id, flush);
    batch.push({ items: [], reset: false });
    expect(frames).toHaveLength(0);
    batch.push({ items: [{ id: 'a' }], reset: false });
    batch.cancel();
    nextFrame();
    expect(flush).not.toHaveBeenCalled();
  });
});
