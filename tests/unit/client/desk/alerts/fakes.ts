import { vi } from 'vitest';

/** Every oscillator the fake audio context started, with its frequency. */
export const tones: { freq: number; type: string }[] = [];

/** A Web Audio context that records the tones it is asked to play (jsdom has none). */
export class FakeAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = vi.fn(async () => undefined);
  createOscillator() {
    const osc = {
      type: 'sine',
      frequency: { value: 0 },
      connect: (n: unknown) => n,
      start: () => tones.push({ freq: osc.frequency.value, type: osc.type }),
      stop: () => undefined,
    };
    return osc;
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (n: unknown) => n };
  }
}

/** A JSON answer as the server sends it. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Lets pending promises (a mocked fetch and what awaits it) run, without timers. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
