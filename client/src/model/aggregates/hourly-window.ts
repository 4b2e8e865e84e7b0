/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** The hour (ms since epoch ÷ 1 h, floored) an instant falls in. */
export function epochHour(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/**
 * A fixed number of hourly slots ending with the current hour. Sliding forward drops the
 * oldest slots and opens empty ones, so the window never grows however long the screen runs.
 */
export class HourlyWindow<T> {
  private slots: T[] = [];
  private last = 0;

  constructor(
    readonly size: number,
    private readonly empty: () => T,
  ) {}

  /** Starts over ending at `lastHour`, filling slots from `known` (by epoch hour) or empty. */
  reset(lastHour: number, known: ReadonlyMap<number, T> = new Map()): void {
    this.last = lastHour;
    this.slots = Array.from({ length: this.size }, (_, i) => known.get(this.first + i) ?? this.empty());
  }

  /** Epoch hour of the oldest slot. */
  get first(): number {
    return this.last - this.size + 1;
  }

  /** Epoch hour of the newest slot. */
  get lastHour(): number {
    return this.last;
  }

  /** Moves the window so it ends at `lastHour`; returns whether it moved. Never moves back. */
  slideTo(lastHour: number): boolean {
    if (lastHour <= this.last) return false;
    const shift = Math.min(lastHour - this.last, this.size);
    this.slots.splice(0, shift);
    for (let i = 0; i < shift; i++) this.slots.push(this.empty());
    this.last = lastHour;
    return true;
  }

  /** The slot of an epoch hour, or undefined outside the window. */
  at(hour: number): T | undefined {
    return hour < this.first || hour > this.last ? undefined : this.slots[hour - this.first];
  }

  /** Epoch hours and slots, oldest first. */
  entries(): { hour: number; slot: T }[] {
    return this.slots.map((slot, i) => ({ hour: this.first + i, slot }));
  }
}
