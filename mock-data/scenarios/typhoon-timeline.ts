import type { AlertCategory } from '../../shared/schemas/alert.js';
import type { WarningLevel } from '../../shared/schemas/common.js';
import { issuer, signalMessage, type Issuer, type SignalSpec } from '../generators/alert-factory.js';
import type { Weather } from '../generators/weather.js';
import type { SimCity, SimDistrict } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { HOUR, MINUTE } from '../simulator/time.js';

/** The signals of the drill. */
export type DrillSignal = 'typhoon' | 'rainstorm' | 'geological';

/** One step of the drill script, in simulated minutes after the start. */
export interface DrillStep {
  minute: number;
  signal: DrillSignal;
  action: 'issue' | 'change' | 'lift';
  /** New level (issue, change); a lift cancels the level in force. */
  level?: WarningLevel;
}

/**
 * The typhoon drill (指挥演练) script: the typhoon signal goes blue → yellow → orange → red
 * as the storm nears, the rainstorm and (inland) geological-hazard warnings follow, landfall
 * comes at minute 120, then everything is lowered and lifted. At `--speed 60` one simulated
 * minute takes a real second, so the whole drill plays in about four minutes.
 */
export const TYPHOON_TIMELINE: readonly DrillStep[] = [
  { minute: 0, signal: 'typhoon', action: 'issue', level: 'blue' },
  { minute: 20, signal: 'typhoon', action: 'change', level: 'yellow' },
  { minute: 35, signal: 'rainstorm', action: 'issue', level: 'yellow' },
  { minute: 55, signal: 'typhoon', action: 'change', level: 'orange' },
  { minute: 70, signal: 'rainstorm', action: 'change', level: 'orange' },
  { minute: 90, signal: 'typhoon', action: 'change', level: 'red' },
  { minute: 105, signal: 'rainstorm', action: 'change', level: 'red' },
  { minute: 125, signal: 'geological', action: 'issue', level: 'yellow' },
  { minute: 165, signal: 'typhoon', action: 'change', level: 'orange' },
  { minute: 175, signal: 'rainstorm', action: 'change', level: 'yellow' },
  { minute: 190, signal: 'typhoon', action: 'change', level: 'blue' },
  { minute: 210, signal: 'rainstorm', action: 'lift' },
  { minute: 220, signal: 'geological', action: 'lift' },
  { minute: 230, signal: 'typhoon', action: 'lift' },
];

/** Landfall, in simulated minutes after the start; the storm is strongest here. */
export const LANDFALL_MINUTE = 120;
/** New drill cases stop after this minute (their handling goes on). */
export const DRILL_END_MINUTE = 240;

/** Storm strength over the drill (minute → wind, rain in [0, 1]), linearly interpolated. */
const STORM_KNOTS: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0.1, 0.05],
  [20, 0.25, 0.1],
  [35, 0.35, 0.35],
  [55, 0.5, 0.5],
  [70, 0.6, 0.7],
  [90, 0.75, 0.8],
  [LANDFALL_MINUTE, 1, 1],
  [140, 0.95, 0.95],
  [165, 0.6, 0.7],
  [185, 0.4, 0.45],
  [200, 0.25, 0.3],
  [230, 0.1, 0.1],
  [DRILL_END_MINUTE, 0.05, 0],
];

/** Weather of the drill at `minute` after the start (calm before and after). */
export function stormAt(minute: number): Weather {
  const first = STORM_KNOTS[0]!;
  const last = STORM_KNOTS[STORM_KNOTS.length - 1]!;
  if (minute <= first[0]) return { wind: first[1], rain: first[2] };
  if (minute >= last[0]) return { wind: last[1], rain: last[2] };
  const i = STORM_KNOTS.findIndex((k) => k[0] > minute);
  const [m0, w0, r0] = STORM_KNOTS[i - 1]!;
  const [m1, w1, r1] = STORM_KNOTS[i]!;
  const f = (minute - m0) / (m1 - m0);
  return { wind: w0 + (w1 - w0) * f, rain: r0 + (r1 - r0) * f };
}

const SIGNALS: Record<DrillSignal, { hazard: string; category: AlertCategory; from: Issuer; where: 'all' | 'coastal' | 'inland' }> = {
  typhoon: { hazard: '台风', category: 'typhoon', from: 'weather', where: 'all' },
  rainstorm: { hazard: '暴雨', category: 'rainstorm', from: 'weather', where: 'coastal' },
  geological: { hazard: '地质灾害气象风险', category: 'geological', from: 'natural_resources', where: 'inland' },
};

function districtsFor(city: SimCity, where: 'all' | 'coastal' | 'inland'): SimDistrict[] {
  const chosen = where === 'all' ? city.districts : city.districts.filter((d) => d.coastal === (where === 'coastal'));
  return chosen.length > 0 ? chosen : city.districts;
}

/** How a typhoon's signals are played: as a drill (status Exercise, the script's minutes) or as real history, stretched. */
export interface TyphoonPlay {
  exercise: boolean;
  /** Real milliseconds per script minute: a minute plays the drill; longer plays a real storm of days. */
  minuteMs: number;
}

/**
 * Every CAP message of the typhoon, in order: each change an Update and each lift a Cancel
 * referencing the signal's previous message; by default the drill (status Exercise throughout).
 */
export function typhoonAlertMessages(city: SimCity, start: number, idFor: (n: number) => string, play: TyphoonPlay = { exercise: true, minuteMs: MINUTE }): Outbound[] {
  const lastOf = new Map<DrillSignal, SignalSpec>();
  return TYPHOON_TIMELINE.map((step, n) => {
    const meta = SIGNALS[step.signal];
    const previous = lastOf.get(step.signal);
    const sent = start + step.minute * play.minuteMs;
    const level = step.level ?? previous?.level ?? 'blue';
    const spec: SignalSpec = {
      identifier: idFor(n + 1),
      sent,
      exercise: play.exercise,
      msgType: step.action === 'issue' ? 'Alert' : step.action === 'change' ? 'Update' : 'Cancel',
      ...(previous && step.action !== 'issue' ? { previous: { identifier: previous.identifier, sent: previous.sent, level: previous.level } } : {}),
      from: issuer(city, meta.from),
      category: meta.category,
      hazard: meta.hazard,
      level,
      districts: districtsFor(city, meta.where),
      expires: sent + 12 * HOUR * Math.max(1, play.minuteMs / MINUTE / 4),
    };
    lastOf.set(step.signal, spec);
    return signalMessage(spec);
  });
}
