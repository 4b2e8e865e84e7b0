import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen } from '../../../../shared/domain/lifecycle.js';
import { chinaDayStart } from '../../../../shared/domain/time.js';
import type { DataMode } from '../../stores/topic-store.js';
import type { HeldSummary } from '../protocol.js';

/** Case ids that changed in each partition; a case that left a partition is listed there too. */
export type CaseChanges = Record<DataMode, Set<string>>;

/** How often the book drops finished cases of earlier days. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Every case the screen knows, in the live worker, split into real cases and drill cases
 * (never mixed): what the worker's views are computed from. A case arrives whole in every
 * delta, so the book simply keeps the latest object per id. It holds what a screen opened now
 * would start from (the server's snapshot: open cases and those touched today): a finished
 * case last touched before today leaves it, so a screen that runs for weeks neither grows nor
 * shows more than a fresh one.
 */
export class CaseBook {
  readonly parts: Record<DataMode, Map<string, GridCase>> = { real: new Map(), drill: new Map() };
  /** When the stream last spoke (see {@link HeldSummary.heard}). */
  private heardAt = 0;
  private sweptAt = -Infinity;

  /** Starts over from a snapshot; its newest case dates the stream (never later than `now`). */
  reset(cases: readonly GridCase[], now: number): void {
    this.parts.real.clear();
    this.parts.drill.clear();
    for (const c of cases) {
      this.put(c);
      this.heardAt = Math.max(this.heardAt, Math.min(Date.parse(c.updatedAt) || 0, now));
    }
  }

  /**
   * Applies a delta (the stream spoke `now`); returns what changed per partition, including
   * finished cases of earlier days dropped by the sweep (at most once a minute).
   */
  apply(cases: readonly GridCase[], now: number): CaseChanges {
    const changed: CaseChanges = { real: new Set(), drill: new Set() };
    for (const c of cases) {
      const left = this.put(c);
      changed[c.exercise ? 'drill' : 'real'].add(c.id);
      if (left) changed[left].add(c.id);
    }
    if (cases.length > 0) this.heardAt = now;
    if (now - this.sweptAt >= SWEEP_INTERVAL_MS) this.sweep(now, changed);
    return changed;
  }

  /** Drops the finished cases last touched before today (China time), as the server's snapshot leaves them out. */
  private sweep(now: number, changed: CaseChanges): void {
    this.sweptAt = now;
    const today = chinaDayStart(now).getTime();
    for (const mode of ['real', 'drill'] as const) {
      for (const [id, c] of this.parts[mode]) {
        if (isOpen(c.status) || Date.parse(c.updatedAt) >= today) continue;
        this.parts[mode].delete(id);
        changed[mode].add(id);
      }
    }
  }

  /** Stores a case in its partition; returns the partition it left, if it changed sides. */
  private put(c: GridCase): DataMode | null {
    const mode: DataMode = c.exercise ? 'drill' : 'real';
    const other: DataMode = mode === 'real' ? 'drill' : 'real';
    this.parts[mode].set(c.id, c);
    return this.parts[other].delete(c.id) ? other : null;
  }

  get(id: string): GridCase | undefined {
    return this.parts.real.get(id) ?? this.parts.drill.get(id);
  }

  summary(): HeldSummary {
    return { heard: this.heardAt > 0 ? { grid: this.heardAt } : {}, sizes: { real: this.parts.real.size, drill: this.parts.drill.size } };
  }
}
