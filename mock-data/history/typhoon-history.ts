import { everydayWeather, type Weather } from '../generators/weather.js';
import { LANDFALL_MINUTE, DRILL_END_MINUTE, stormAt, typhoonAlertMessages } from '../scenarios/typhoon-timeline.js';
import type { SimCity } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { DAY, localParts, localTime, MINUTE, stamp } from '../simulator/time.js';

/** Real minutes per minute of the drill script: the 4-hour drill becomes a storm of about two days. */
export const TYPHOON_MINUTE_MS = 12 * MINUTE;

/** The past summer's typhoon: landfall in mid-September, in the afternoon. */
const LANDFALL = { month: 9, day: 16, hour: 14 } as const;

/** When the history's typhoon is: its first signal (`start`) and its landfall, epoch ms. */
export interface TyphoonTime {
  start: number;
  landfall: number;
}

/**
 * The typhoon of the history window [from, to): the latest mid-September landfall inside it,
 * or, when the window holds no September (a demo started in spring), two weeks after its
 * start, so every history has a storm to analyse. Null when the window is shorter than the storm.
 */
export function typhoonIn(from: number, to: number): TyphoonTime | null {
  const length = DRILL_END_MINUTE * TYPHOON_MINUTE_MS;
  const lead = LANDFALL_MINUTE * TYPHOON_MINUTE_MS;
  const { year } = localParts(to);
  for (const y of [year, year - 1]) {
    const landfall = localTime(y, LANDFALL.month, LANDFALL.day, LANDFALL.hour);
    if (landfall - lead >= from && landfall - lead + length <= to) return { start: landfall - lead, landfall };
  }
  const start = from + 14 * DAY;
  return start + length <= to ? { start, landfall: start + lead } : null;
}

/** 0 outside the storm; rises to 1 at landfall (the stronger of wind and rain). */
export function stormStrength(typhoon: TyphoonTime | null, ms: number): number {
  if (!typhoon || ms < typhoon.start || ms >= typhoon.start + DRILL_END_MINUTE * TYPHOON_MINUTE_MS) return 0;
  const w = stormAt((ms - typhoon.start) / TYPHOON_MINUTE_MS);
  return Math.max(w.rain, w.wind);
}

/** The weather of the history at an instant: the typhoon while it lasts, everyday weather otherwise. */
export function historyWeather(seed: number, typhoon: TyphoonTime | null, ms: number): Weather {
  return stormStrength(typhoon, ms) > 0 ? stormAt((ms - typhoon!.start) / TYPHOON_MINUTE_MS) : everydayWeather(seed, ms);
}

/** The typhoon's warning signals as real (status Actual) CAP messages, with stable identifiers. */
export function typhoonAlerts(city: SimCity, typhoon: TyphoonTime): Outbound[] {
  const id = (n: number): string => `HIS-TF-${city.adcode}-${stamp(typhoon.landfall)}-${String(n).padStart(3, '0')}`;
  return typhoonAlertMessages(city, typhoon.start, id, { exercise: false, minuteMs: TYPHOON_MINUTE_MS });
}
