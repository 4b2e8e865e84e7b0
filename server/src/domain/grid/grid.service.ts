import type { Db, Queryable } from '../../store/db.js';
import { AppError, type ErrorIssue } from '../../errors.js';
import type { CaseStatus, GridCase, GridEventInput } from '../../../../shared/schemas/grid-event.js';
import { actionBetween, pathTo } from '../../../../shared/domain/lifecycle.js';
import type { AuditLog, ChangeSink, IngestResult } from '../ports.js';
import * as repo from './cases.repository.js';
import type { CaseRecord } from './cases.repository.js';
import { appendTimeline, type TimelineRow } from './case-timeline.repository.js';
import { enterStatus, type DeadlineRules } from './case-steps.js';
import { createCaseActions } from './case-actions.js';
import { createCaseReads } from './case-reads.js';

export interface GridServiceDeps extends DeadlineRules {
  db: Db;
  /** Ids of the city pack's departments: a dispatch names one of them. */
  departments: ReadonlySet<string>;
  locate: (p: { lon: number; lat: number }) => { district: string | null; gridCell: string | null };
  sink: ChangeSink;
  /** Where people's actions are recorded, in their own transaction. */
  audit?: AuditLog;
  now?: () => Date;
}

type Timeline = TimelineRow[];

/** What a batch of events does: case ids per event, rows to insert and update, steps, refusals. */
interface Plan {
  ids: string[];
  created: CaseRecord[];
  changed: CaseRecord[];
  timeline: Timeline;
  issues: ErrorIssue[];
}

/** Grid events in (ingest, lifecycle actions, overdue escalation) and cases out. */
export function createGridService(deps: GridServiceDeps) {
  const now = deps.now ?? (() => new Date());

  const actions = createCaseActions({ ...deps, now });

  function walk(rec: CaseRecord, to: CaseStatus, at: string, actor: string, timeline: Timeline, department?: string) {
    for (const status of pathTo(rec.status, to) ?? []) {
      const action = actionBetween(rec.status, status);
      enterStatus(rec, status, at, deps, department);
      rec.updatedAt = now().toISOString();
      timeline.push({ caseId: rec.id, at, status, actor, ...(action ? { action } : {}) });
    }
  }

  function newRecord(e: GridEventInput, updatedAt: string): CaseRecord {
    const where = deps.locate(e.location);
    const category = deps.categories.get(e.category)!;
    return {
      id: repo.caseIdFor(e.sourceId),
      sourceId: e.sourceId,
      source: e.source,
      category: e.category,
      kind: e.kind ?? category.kind,
      title: e.title,
      description: e.description ?? null,
      lon: e.location.lon,
      lat: e.location.lat,
      address: e.address ?? null,
      district: where.district,
      gridCell: where.gridCell,
      status: 'reported',
      department: null,
      reportedAt: new Date(e.reportedAt).toISOString(),
      dispatchedAt: null,
      deadlineAt: null,
      closedAt: null,
      escalated: false,
      exercise: e.exercise ?? false,
      updatedAt,
      mediaUrl: e.mediaUrl ?? null,
      version: 1,
      assignee: null,
      supervised: null,
      mergedInto: null,
      closeReason: null,
    };
  }

  function checkAll(items: GridEventInput[]): void {
    const issues: ErrorIssue[] = [];
    items.forEach((e, i) => {
      if (!deps.categories.has(e.category)) issues.push({ path: `${i}.category`, message: `unknown category '${e.category}'` });
    });
    if (issues.length) throw new AppError(422, 'validation_failed', `Invalid input: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }

  /** Each sourceId's case as its first event would create it (located, id derived). */
  function draft(items: GridEventInput[]): Map<string, CaseRecord> {
    const out = new Map<string, CaseRecord>();
    const at = now().toISOString();
    for (const e of items) if (!out.has(e.sourceId)) out.set(e.sourceId, newRecord(e, at));
    return out;
  }

  /** What a batch changes, given the cases already stored (`known`); mutates the drafts. */
  function plan(items: GridEventInput[], drafts: Map<string, CaseRecord>, known: Map<string, CaseRecord>): Plan {
    const created = new Map<string, CaseRecord>();
    const changed = new Map<string, CaseRecord>();
    const timeline: Timeline = [];
    const issues: ErrorIssue[] = [];
    const ids = items.map((e, i) => {
      let rec = created.get(e.sourceId) ?? known.get(e.sourceId);
      if (!rec) {
        // The report itself is the case row; the timeline stores the steps after it.
        rec = drafts.get(e.sourceId)!;
        created.set(e.sourceId, rec);
      } else if (rec.exercise !== (e.exercise ?? false)) {
        issues.push({ path: `${i}.exercise`, message: 'a case cannot move between exercise and real data' });
        return rec.id;
      }
      if (e.status && e.status !== rec.status) {
        if (!pathTo(rec.status, e.status)) {
          issues.push({ path: `${i}.status`, message: `case ${e.sourceId} cannot move from ${rec.status} to ${e.status}` });
          return rec.id;
        }
        walk(rec, e.status, new Date(e.statusAt ?? now()).toISOString(), repo.reportActor(e.source), timeline, e.department);
        // A new case starts at version 1 however far its first events take it; a stored one rises per move.
        if (!created.has(e.sourceId)) {
          rec.version += 1;
          changed.set(e.sourceId, rec);
        }
      }
      return rec.id;
    });
    return { ids, created: [...created.values()], changed: [...changed.values()], timeline, issues };
  }

  /** The regular way: read the batch's cases (locked), then write what the events change. */
  async function store(tx: Queryable, items: GridEventInput[], drafts: Map<string, CaseRecord>): Promise<Plan> {
    const p = plan(
      items,
      drafts,
      await repo.findCases(
        tx,
        [...drafts.values()].map((c) => c.id),
      ),
    );
    if (p.issues.length) throw new AppError(409, 'invalid_transition', `Conflict: ${p.issues[0]!.path}: ${p.issues[0]!.message}`, p.issues);
    const raced = await repo.insertCases(tx, p.created);
    if (raced.size) throw new AppError(409, 'concurrent_insert', 'the same cases were being stored by another request; retry');
    await repo.updateCases(tx, p.changed);
    await appendTimeline(tx, p.timeline);
    return p;
  }

  function storeRegular(items: GridEventInput[]): Promise<Plan> {
    // Drafted before the transaction: locating and hashing a batch is main-thread work the
    // database should not wait for while the transaction holds its connection.
    const drafts = draft(items);
    return deps.db.transaction((tx) => store(tx, items, drafts));
  }

  /**
   * PGlite only: stores a batch of reports as if none of its cases existed, without reading
   * first — its one connection means no other writer, and COPY refuses a case already stored
   * (primary key), which rolls this attempt back whole. Null when the batch must go the
   * regular way (a case already stored, or events that contradict each other).
   */
  async function storeAsNew(items: GridEventInput[]): Promise<Plan | null> {
    const p = plan(items, draft(items), new Map());
    if (p.issues.length) return null;
    let writes: Promise<unknown> = Promise.resolve();
    try {
      await deps.db.transaction(async (tx) => {
        // Not awaited, so the commit is sent right behind them: the transaction still waits
        // for both statements and fails with the first error.
        writes = Promise.all([repo.insertCases(tx, p.created), appendTimeline(tx, p.timeline)]);
        writes.catch(() => undefined);
      });
      await writes; // settled by now; fails if a statement did not even reach the transaction
      return p;
    } catch (err) {
      if (repo.isDuplicateCase(err)) return null;
      throw err;
    }
  }

  return {
    /** Stores grid events (new cases, or forward moves of known ones) all or nothing. */
    async ingest(items: GridEventInput[]): Promise<IngestResult> {
      checkAll(items);
      // Events that carry a status mostly move cases already stored: they go the regular way at once.
      const reports = deps.db.engine === 'pglite' && items.every((e) => !e.status);
      const p = (reports ? await storeAsNew(items) : null) ?? (await storeRegular(items));
      const touched = [...p.created, ...p.changed];
      const at = now();
      if (touched.length)
        deps.sink.publish(
          'grid',
          touched.map((c) => repo.toGridCase(c, at)),
        );
      return { accepted: items.length, ids: p.ids };
    },

    ...actions,
    ...createCaseReads({ db: deps.db, now }),

    /** Flags cases that passed their deadline, notes it on their timeline and pushes them. */
    async escalateOverdue(): Promise<GridCase[]> {
      const at = now();
      const recs = await deps.db.transaction(async (tx) => {
        const due = await repo.findNewlyOverdue(tx, at);
        for (const c of due) {
          c.escalated = true;
          c.updatedAt = at.toISOString();
          c.version += 1;
        }
        await repo.updateCases(tx, due);
        await appendTimeline(
          tx,
          due.map((c) => ({ caseId: c.id, at: at.toISOString(), status: c.status, actor: 'system', action: 'escalate', note: 'overdue: escalated to the command centre' })),
        );
        return due;
      });
      const out = recs.map((c) => repo.toGridCase(c, at));
      if (out.length) deps.sink.publish('grid', out);
      return out;
    },
  };
}

export type GridService = ReturnType<typeof createGridService>;
