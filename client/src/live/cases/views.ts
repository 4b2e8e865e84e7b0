import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import type { FromLink, Query, ViewData, ViewKind, ViewSpec } from '../protocol.js';
import type { CaseBook, CaseChanges } from './case-book.js';
import type { ViewRegistry } from './view-registry.js';

/** One view of one partition of the cases, kept up to date case by case. */
export interface CaseView<K extends ViewKind = ViewKind> {
  /** Starts over from the whole partition (a new view, a snapshot). */
  reset(cases: ReadonlyMap<string, GridCase>): void;
  /** These cases of the partition changed (an id missing from `cases` left it). */
  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void;
  /** What to post if anything changed since the last time, else null. */
  take(now: number): ViewData[K] | null;
  /** Takes a new spec in place (a map moved: the page gets a diff, not a new collection); false when it cannot. */
  respec?(spec: ViewSpec): boolean;
  /** A map view's cluster: the zoom at which it falls apart (null: no such cluster). */
  clusterZoom?(clusterId: number): number | null;
  /** Posts its changes with the next batch instead of at most once per interval (the desk's queue: another officer's action shows at once). */
  readonly prompt?: boolean;
}

/** Builds the view of a spec (a {@link ViewRegistry}); a view that needs a large library (H3) loads it first. */
export type ViewFactory = Pick<ViewRegistry, 'create'>;

interface Watched {
  spec: ViewSpec;
  view: CaseView | null;
  dirty: boolean;
}

/** Every view is also taken once a minute, changes or not: time alone moves some (a new hour, a new day). */
const TICK_MS = 60_000;

/**
 * The page's views of the cases: created when the page watches them, fed every change of
 * their partition, and posted when they changed — at once when new, else at most once per
 * `intervalMs` (a thousand cases a second become one map update and one chart update a
 * second, as the map layers did on the page); a prompt view ({@link CaseView.prompt}) with
 * the next batch of deltas.
 */
export class CaseViews {
  private readonly watched = new Map<number, Watched>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly book: CaseBook,
    private readonly post: (msg: FromLink) => void,
    private readonly registry: ViewFactory,
    private readonly intervalMs = 1000,
  ) {}

  /** Starts a view, or gives a watched one a new spec (it then starts over from its partition). */
  watch(id: number, spec: ViewSpec): void {
    const known = this.watched.get(id);
    if (known?.view?.respec?.(spec)) {
      known.spec = spec;
      this.send(id, known, Date.now());
      return;
    }
    const w: Watched = { spec, view: null, dirty: true };
    this.watched.set(id, w);
    this.ticker ??= setInterval(() => this.tick(), TICK_MS);
    let made: CaseView | Promise<CaseView>;
    try {
      made = this.registry.create(spec);
    } catch (error) {
      made = Promise.reject(error);
    }
    void Promise.resolve(made).then(
      (view) => {
        if (this.watched.get(id) !== w) return; // unwatched or re-watched meanwhile
        w.view = view;
        view.reset(this.book.parts[spec.mode]);
        this.send(id, w, Date.now());
      },
      (error: unknown) => {
        // Its library did not load, or no view has its kind: the view shows nothing until the page watches it again.
        if (this.watched.get(id) === w) this.watched.delete(id);
        console.error(`case view ${spec.kind} failed`, error);
      },
    );
  }

  unwatch(id: number): void {
    this.watched.delete(id);
    if (this.watched.size > 0 || !this.ticker) return;
    clearInterval(this.ticker);
    this.ticker = null;
  }

  private tick(): void {
    for (const w of this.watched.values()) w.dirty = true;
    this.schedule();
  }

  /** Cases changed (or, `'reset'`, a snapshot replaced them all). */
  changed(changes: CaseChanges | 'reset'): void {
    for (const w of this.watched.values()) {
      if (!w.view) continue;
      const cases = this.book.parts[w.spec.mode];
      if (changes === 'reset') w.view.reset(cases);
      else if (changes[w.spec.mode].size > 0) w.view.apply(changes[w.spec.mode], cases);
      else continue;
      w.dirty = true;
    }
    this.schedule();
  }

  /** Answers a one-off question (see {@link Query}). */
  answer(query: Query): unknown {
    if (query.kind === 'case') return this.book.get(query.id) ?? null;
    return this.watched.get(query.view)?.view?.clusterZoom?.(query.clusterId) ?? null;
  }

  private schedule(): void {
    if (this.timer) return;
    const prompt = [...this.watched.values()].some((w) => w.dirty && w.view?.prompt);
    // A burst of deltas (the server sends one every 50 ms) goes out together.
    const wait = prompt ? 50 : Math.max(50, this.lastFlush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    const now = Date.now();
    // Prompt views go out with every batch; the others only when their interval has passed.
    const due = now >= this.lastFlush + this.intervalMs;
    if (due) this.lastFlush = now;
    let waiting = false;
    for (const [id, w] of this.watched) {
      if (!w.dirty || !w.view) continue;
      if (due || w.view.prompt) this.send(id, w, now);
      else waiting = true;
    }
    if (waiting) this.schedule();
  }

  private send(id: number, w: Watched, now: number): void {
    w.dirty = false;
    const data = w.view!.take(now);
    if (data !== null) this.post({ type: 'view', view: id, kind: w.spec.kind, data } as FromLink);
  }
}
