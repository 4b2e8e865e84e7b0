import { computed, ref, type WritableComputedRef } from 'vue';
import type { WarningLevel } from '../../../../shared/domain/warning.js';

/** One tone pattern: beeps alternating over `freqs`, each `beepS` long with `gapS` between. */
export interface SoundPattern {
  freqs: number[];
  beeps: number;
  beepS: number;
  gapS: number;
  gain: number;
  wave: OscillatorType;
}

/**
 * The tone of a new alert by level: a red one is louder, harsher and longer (a two-tone
 * siren of six beeps), so an officer knows without looking; blue is a single soft chime.
 */
export const SOUND_PATTERNS: Record<WarningLevel, SoundPattern> = {
  red: { freqs: [880, 660], beeps: 6, beepS: 0.28, gapS: 0.07, gain: 0.5, wave: 'square' },
  orange: { freqs: [740], beeps: 3, beepS: 0.2, gapS: 0.12, gain: 0.3, wave: 'triangle' },
  yellow: { freqs: [660], beeps: 2, beepS: 0.18, gapS: 0.12, gain: 0.22, wave: 'sine' },
  blue: { freqs: [520], beeps: 1, beepS: 0.2, gapS: 0, gain: 0.18, wave: 'sine' },
};

const MUTE_KEY = 'cockpit.desk.alertSoundMuted';
const mutedState = ref(typeof localStorage !== 'undefined' && localStorage.getItem(MUTE_KEY) === 'true');
/** Whether new-alert sounds are off; kept on this browser (one switch for the whole page). */
const muted: WritableComputedRef<boolean> = computed({
  get: () => mutedState.value,
  set: (v) => {
    mutedState.value = v;
    localStorage.setItem(MUTE_KEY, String(v));
  },
});

let context: AudioContext | null = null;

/** Plays `pattern` with oscillators: generated here, no audio file is fetched. */
function playPattern(pattern: SoundPattern): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  // A page that has had no user gesture yet starts its context suspended; any key or click on the desk resumes it.
  if (context.state === 'suspended') void context.resume();
  const start = context.currentTime + 0.02;
  for (let i = 0; i < pattern.beeps; i++) {
    const t0 = start + i * (pattern.beepS + pattern.gapS);
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = pattern.wave;
    osc.frequency.value = pattern.freqs[i % pattern.freqs.length]!;
    gain.gain.setValueAtTime(pattern.gain, t0);
    gain.gain.exponentialRampToValueAtTime(0.001, t0 + pattern.beepS);
    osc.connect(gain).connect(context.destination);
    osc.start(t0);
    osc.stop(t0 + pattern.beepS);
  }
}

/**
 * The new-alert sound of the desk: `play(level)` sounds that level's pattern unless
 * `muted`; DeskView's header hosts the switch (AlertSoundSwitch.vue) over the same state.
 */
export function useAlertSound(): { muted: WritableComputedRef<boolean>; play(level: WarningLevel): void } {
  return {
    muted,
    play: (level) => {
      if (!muted.value) playPattern(SOUND_PATTERNS[level]);
    },
  };
}
