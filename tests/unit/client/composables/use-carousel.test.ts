import { describe, expect, it } from 'vitest';
import { carouselStatus, goToTheme, interactCarousel, pinCarousel, secondsParam, startCarousel, tickCarousel, type CarouselState } from '../../../../client/src/composables/useCarousel.js';

const cfg = { count: 5, intervalMs: 60_000, quietMs: 30_000 };
const T0 = 1_000_000;

/** Ticks once a second from `from` to `to` (inclusive), as the shared clock does. */
function run(s: CarouselState, from: number, to: number): CarouselState {
  for (let t = from; t <= to; t += 1000) s = tickCarousel(s, cfg, t);
  return s;
}

describe('carousel state machine', () => {
  it('starts at the first theme and rotates every interval, wrapping round', () => {
    let s = startCarousel(cfg, T0);
    expect(s.index).toBe(0);
    s = run(s, T0, T0 + 59_000);
    expect(s.index).toBe(0);
    s = run(s, T0 + 60_000, T0 + 60_000);
    expect(s.index).toBe(1);
    s = run(s, T0 + 61_000, T0 + 5 * 60_000);
    expect(s.index).toBe(0);
    expect(carouselStatus(s, T0)).toBe('rotating');
  });

  it('pauses while someone interacts and resumes after the quiet period', () => {
    let s = startCarousel(cfg, T0);
    s = interactCarousel(s, cfg, T0 + 50_000);
    expect(carouselStatus(s, T0 + 50_000)).toBe('paused');
    s = run(s, T0, T0 + 79_000);
    expect(s.index).toBe(0);
    s = interactCarousel(s, cfg, T0 + 79_000);
    s = run(s, T0 + 80_000, T0 + 108_000);
    expect(s.index).toBe(0);
    // Overdue during the pause: moves on as soon as the quiet period ends.
    s = run(s, T0 + 109_000, T0 + 109_000);
    expect(s.index).toBe(1);
    expect(carouselStatus(s, T0 + 109_000)).toBe('rotating');
  });

  it('stays on a pinned theme, and rotates again a full interval after unpinning', () => {
    let s = startCarousel(cfg, T0, 3);
    expect(s.index).toBe(3);
    expect(carouselStatus(s, T0)).toBe('pinned');
    s = run(s, T0, T0 + 10 * 60_000);
    expect(s.index).toBe(3);
    s = pinCarousel(s, cfg, false, T0 + 10 * 60_000);
    s = run(s, T0 + 10 * 60_000, T0 + 11 * 60_000 - 1000);
    expect(s.index).toBe(3);
    s = run(s, T0 + 11 * 60_000, T0 + 11 * 60_000);
    expect(s.index).toBe(4);
  });

  it('shows a chosen theme for a full interval', () => {
    let s = startCarousel(cfg, T0);
    s = goToTheme(s, cfg, 2, T0 + 55_000);
    s = run(s, T0 + 55_000, T0 + 114_000);
    expect(s.index).toBe(2);
    s = run(s, T0 + 115_000, T0 + 115_000);
    expect(s.index).toBe(3);
    expect(goToTheme(s, cfg, -1, T0).index).toBe(4);
  });

  it('does not rotate a single theme', () => {
    const one = { ...cfg, count: 1 };
    let s = startCarousel(one, T0);
    for (let t = T0; t < T0 + 300_000; t += 1000) s = tickCarousel(s, one, t);
    expect(s.index).toBe(0);
  });
});

describe('secondsParam', () => {
  it('reads positive seconds and falls back otherwise', () => {
    expect(secondsParam('20', 60)).toBe(20);
    expect(secondsParam('2.5', 60)).toBe(2.5);
    for (const bad of ['0', '-3', 'abc', '', undefined, null, ['5']]) expect(secondsParam(bad, 60)).toBe(60);
  });
});
