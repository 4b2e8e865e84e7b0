import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { CaseTrendHour, HourlyStats } from '../../../../shared/contracts/stats.js';
import { HourlyWindow, epochHour } from './hourly-window.js';

/** Reported and closed cases of one hour. */
export interface CaseHour {
  reported: number;
  closed: number;
}

/** What has been counted live for one case, so no update of it counts twice. */
interface Counted {
  reported: boolean;
  closed: boolean;
  /** The latest hour it was counted in; forgotten once that leaves the window. */
  hour: number;
}

const uncounted = (): Counted => ({ reported: false, closed: false, hour: -Infinity });

/**
 * The hourly reported/closed counts of the last `hours` hours: seeded from the server's
 * statistics, then advanced by the live stream. A case seen live that was reported after
 * the statistics were counted adds one to its report hour; one that was closed after that
 * adds one to its closing hour. Each case counts once for each, and only cases counted in
 * the window are remembered, so memory stays bounded.
 */
export class CaseTrend {
  private readonly window: HourlyWindow<CaseHour>;
  private readonly counted = new Map<string, Counted>();
  private asOf = Infinity;

  constructor(hours = 24) {
    this.window = new HourlyWindow(hours, () => ({ reported: 0, closed: 0 }));
  }

  /** Whether statistics have been loaded. */
  get seeded(): boolean {
    return this.asOf !== Infinity;
  }

  /** Starts over from the server's hourly statistics. */
  seed(stats: HourlyStats<CaseTrendHour>): void {
    const known = new Map(stats.hours.map((h) => [epochHour(Date.parse(h.hour)), { reported: h.reported, closed: h.closed }]));
    this.asOf = Date.parse(stats.asOf);
    this.window.reset(epochHour(this.asOf), known);
    this.counted.clear();
  }

  /**
   * Counts the live cases that changed, after moving the window to `now`; returns whether
   * any count moved. Before seeding it does nothing. A time past the window (a sender's
   * clock ahead of ours) is left uncounted until a later update of the case.
   */
  apply(cases: Iterable<GridCase>, now: number): boolean {
    if (!this.seeded) return false;
    let moved = this.slideTo(now);
    // A thousand updates a second are mostly cases already counted: they cost a lookup.
    for (const c of cases) {
      let entry = this.counted.get(c.id);
      if (!entry?.reported) {
        const reported = Date.parse(c.reportedAt);
        if (reported > this.asOf) moved = this.add((entry ??= uncounted()), reported, 'reported') || moved;
      }
      if (!entry?.closed && c.closedAt) {
        const closed = Date.parse(c.closedAt);
        if (closed > this.asOf) moved = this.add((entry ??= uncounted()), closed, 'closed') || moved;
      }
      if (entry && (entry.reported || entry.closed)) this.counted.set(c.id, entry);
    }
    return moved;
  }

  private add(entry: Counted, at: number, kind: keyof CaseHour): boolean {
    const hour = epochHour(at);
    if (hour > this.window.lastHour) return false;
    entry[kind] = true;
    entry.hour = Math.max(entry.hour, hour);
    const slot = this.window.at(hour);
    if (slot) slot[kind]++;
    return slot !== undefined;
  }

  /** Moves the window to the hour of `now`; returns whether it moved. */
  slideTo(now: number): boolean {
    if (!this.window.slideTo(epochHour(now))) return false;
    for (const [id, e] of this.counted) if (e.hour < this.window.first) this.counted.delete(id);
    return true;
  }

  /** The hours, oldest first. */
  hours(): { hour: number; reported: number; closed: number }[] {
    return this.window.entries().map(({ hour, slot }) => ({ hour, ...slot }));
  }

  /** How many cases are remembered (for tests of the bound). */
  get remembered(): number {
    return this.counted.size;
  }
}
