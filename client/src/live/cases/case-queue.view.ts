import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { CaseQueue, type StageCounts } from '../../model/cases/case-queue.js';
import type { ViewData, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';
import { defineView } from './view-registry.js';

type Spec = Extract<ViewSpec, { kind: 'case-queue' }>;
type Data = ViewData['case-queue'];

const sameCounts = (a: StageCounts, b: StageCounts) => (Object.keys(a) as (keyof StageCounts)[]).every((k) => a[k] === b[k]);
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The desk's case queue, in the worker: the whole partition filtered, searched, sorted and
 * counted there ({@link CaseQueue}), and only the window the page's list shows posted (a few
 * dozen cases of ten thousand), and of those only the cases the page does not hold as they are:
 * one case changing is one case posted. It is *prompt*: a change goes out with the next batch,
 * not with the once-a-second pace of the screens' views, since an officer must see another's
 * action at once. A case arrives as a new object with every change, so comparing objects tells
 * what changed.
 */
export class CaseQueueView implements CaseView<'case-queue'> {
  readonly prompt = true;
  private readonly queue: CaseQueue;
  /** The last post, and the cases of its window by id: what the page holds. */
  private last: { data: Data; rows: Map<string, GridCase> } | null = null;

  constructor(private spec: Spec) {
    this.queue = new CaseQueue(spec.filter, spec.sort);
  }

  reset(cases: ReadonlyMap<string, GridCase>): void {
    this.queue.reset(cases.values());
  }

  apply(ids: ReadonlySet<string>, cases: ReadonlyMap<string, GridCase>): void {
    for (const id of ids) this.queue.update(id, cases.get(id));
  }

  /** A new window re-slices; a new filter or sort re-slices every case in order (no sort). */
  respec(next: ViewSpec): boolean {
    if (next.kind !== 'case-queue' || next.mode !== this.spec.mode) return false;
    if (JSON.stringify([next.filter, next.sort]) !== JSON.stringify([this.spec.filter, this.spec.sort])) this.queue.respec(next.filter, next.sort);
    this.spec = next;
    this.last = null; // the page asked: it gets an answer, every case of it, even when nothing moved
    return true;
  }

  take(): Data | null {
    const { offset, limit } = this.spec;
    const rows = this.queue.window(offset, limit);
    const held = this.last?.rows;
    const changed = held ? rows.filter((c) => held.get(c.id) !== c) : rows;
    const data: Data = { offset, ids: rows.map((c) => c.id), changed, total: this.queue.total, counts: this.queue.stageCounts() };
    const l = this.last?.data;
    if (l && changed.length === 0 && l.offset === data.offset && l.total === data.total && sameCounts(l.counts, data.counts) && sameIds(l.ids, data.ids)) return null;
    this.last = { data, rows: new Map(rows.map((c) => [c.id, c])) };
    return data;
  }
}

/** The `case-queue` kind, registered in live/cases/index.ts. */
export const caseQueueView = defineView({ kind: 'case-queue', create: (spec) => new CaseQueueView(spec) });
