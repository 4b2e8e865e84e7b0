import type { GridEventInput } from '../../shared/schemas/grid-event.js';
import type { SimCity } from '../simulator/city.js';
import { DAY } from '../simulator/time.js';
import { historyDayHours, type HistoryCase } from './history-day.js';
import { typhoonIn } from './typhoon-history.js';

/**
 * Days before the end of the history whose cases may still be handled after it: the slowest
 * plan (a late 35-working-hour case, 2.5 times its deadline, across a holiday week, then sent
 * back) stays well inside.
 */
export const TAIL_DAYS = 30;

/** A case of the history still being handled when its window ended, and how many of its steps were sent. */
export interface TailCase {
  /** Its grid event with every planned step, in time order. */
  event: GridEventInput & { steps: NonNullable<GridEventInput['steps']> };
  sent: number;
}

/** What the history's window was: its seed, city and `[from, to)`. */
export interface TailSpec {
  seed: number;
  city: SimCity;
  from: number;
  to: number;
}

/**
 * The history's cases still open at the end of its window, each with its whole planned
 * handling (historyDay regenerates the last days exactly) and the steps already sent (those
 * before the end). An hour of a day at a time, yielding between hours.
 */
export async function openAtEnd(spec: TailSpec): Promise<TailCase[]> {
  const typhoon = typhoonIn(spec.from, spec.to);
  const out: TailCase[] = [];
  const first = Math.max(spec.from, spec.from + Math.floor((spec.to - spec.from) / DAY - TAIL_DAYS) * DAY);
  for (let dayStart = first; dayStart < spec.to; dayStart += DAY) {
    for (const hour of historyDayHours({ seed: spec.seed, city: spec.city, dayStart, until: spec.to, stepsUntil: Infinity, typhoon })) {
      for (const c of hour) {
        const sent = stepsBefore(c, spec.to);
        if (c.event.steps && sent < c.event.steps.length) out.push({ event: c.event as TailCase['event'], sent });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return out;
}

function stepsBefore(c: Pick<HistoryCase, 'event'>, at: number): number {
  return (c.event.steps ?? []).filter((s) => Date.parse(s.at) < at).length;
}

/**
 * The events that bring the open cases up to `now`: each case with a step come due since the
 * last call, carrying its steps until now (the server skips those it holds). Marks them sent.
 */
export function dueEvents(open: TailCase[], now: number): GridEventInput[] {
  const out: GridEventInput[] = [];
  for (const c of open) {
    const due = stepsBefore(c, now);
    if (due <= c.sent) continue;
    c.sent = due;
    out.push({ ...c.event, steps: c.event.steps.slice(0, due) });
  }
  return out;
}
