import { computed, onMounted, onUnmounted, shallowRef, watch, type ComputedRef } from 'vue';
import { useClock } from './useClock.js';

/** Timing of the theme rotation. */
export interface CarouselConfig {
  count: number;
  /** How long each theme stays up. */
  intervalMs: number;
  /** How long the rotation stays paused after the last interaction. */
  quietMs: number;
}

/** Where the rotation stands; a value, replaced on every step (see the functions below). */
export interface CarouselState {
  index: number;
  pinned: boolean;
  /** When the next theme is due. */
  nextAt: number;
  /** No rotation before this instant (someone is using the screen). */
  pausedUntil: number;
}

export type CarouselStatus = 'rotating' | 'paused' | 'pinned';

export const DEFAULT_INTERVAL_S = 60;
export const DEFAULT_QUIET_S = 30;

/** A fresh rotation at theme 0, or pinned to `pinIndex`. */
export function startCarousel(cfg: CarouselConfig, now: number, pinIndex: number | null = null): CarouselState {
  return { index: pinIndex ?? 0, pinned: pinIndex !== null, nextAt: now + cfg.intervalMs, pausedUntil: 0 };
}

/**
 * Advances to the next theme when it is due, unless pinned or paused. A theme whose time ran
 * out during a pause gives way as soon as the pause ends.
 */
export function tickCarousel(s: CarouselState, cfg: CarouselConfig, now: number): CarouselState {
  if (s.pinned || cfg.count < 2 || now < s.nextAt || now < s.pausedUntil) return s;
  return { ...s, index: (s.index + 1) % cfg.count, nextAt: now + cfg.intervalMs };
}

/** Someone touched the screen: hold the rotation for the quiet period from now. */
export function interactCarousel(s: CarouselState, cfg: CarouselConfig, now: number): CarouselState {
  return { ...s, pausedUntil: now + cfg.quietMs };
}

/** Shows one theme now; it gets a full interval. */
export function goToTheme(s: CarouselState, cfg: CarouselConfig, index: number, now: number): CarouselState {
  return { ...s, index: ((index % cfg.count) + cfg.count) % cfg.count, nextAt: now + cfg.intervalMs };
}

/** Pins or unpins the current theme; unpinning gives it a full interval before moving on. */
export function pinCarousel(s: CarouselState, cfg: CarouselConfig, pinned: boolean, now: number): CarouselState {
  return { ...s, pinned, nextAt: now + cfg.intervalMs };
}

export function carouselStatus(s: CarouselState, now: number): CarouselStatus {
  if (s.pinned) return 'pinned';
  return now < s.pausedUntil ? 'paused' : 'rotating';
}

/** Seconds from a query value (`?interval=20`), or the fallback for anything not a positive number. */
export function secondsParam(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The theme rotation of a screen: advances with the shared clock, pauses while anyone
 * interacts (pointer, keyboard, wheel) and resumes after the quiet period, can be pinned.
 */
export function useCarousel(cfg: CarouselConfig, pinIndex: number | null): { index: ComputedRef<number>; status: ComputedRef<CarouselStatus>; goTo(i: number): void; togglePin(): void } {
  const clock = useClock();
  const state = shallowRef(startCarousel(cfg, Date.now(), pinIndex));
  watch(clock, (now) => (state.value = tickCarousel(state.value, cfg, now)));

  // pointermove fires dozens of times a second; one state change per second is plenty.
  const onInteract = () => {
    const now = Date.now();
    if (state.value.pausedUntil - cfg.quietMs < now - 1000) state.value = interactCarousel(state.value, cfg, now);
  };
  onMounted(() => INTERACTIONS.forEach((e) => window.addEventListener(e, onInteract, { passive: true })));
  onUnmounted(() => INTERACTIONS.forEach((e) => window.removeEventListener(e, onInteract)));

  return {
    index: computed(() => state.value.index),
    status: computed(() => carouselStatus(state.value, clock.value)),
    goTo: (i) => (state.value = goToTheme(state.value, cfg, i, Date.now())),
    togglePin: () => (state.value = pinCarousel(state.value, cfg, !state.value.pinned, Date.now())),
  };
}
