import type { Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { isOpen, mayTake, transition, type CaseAction } from '../../../../shared/domain/lifecycle.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import type { Actor } from '../ports.js';
import type { GridServiceDeps } from './grid.service.js';
import * as repo from './cases.repository.js';
import type { CaseRecord } from './cases.repository.js';
import { appendTimeline, lastChange, type TimelineRow } from './case-timeline.repository.js';
import { changedFields, enterStatus } from './case-steps.js';

/** What a person sends with an action (`POST /incidents/:id/actions`); which fields count depends on the action. */
export interface ActionInput {
  /** The case version the action was decided on; a stale one is refused with 409 `conflict`. */
  version: number;
  note?: string;
  /** dispatch: one of the city pack's departments. */
  department?: string;
  /** dispatch: the named handler. */
  assignee?: string;
  /** feedback: a photo of the work. */
  photoUrl?: string;
  /** supervise: the new due time, in the future. */
  dueAt?: string;
  /** merge: the master case the duplicate is merged into. */
  masterId?: string;
}

/** One item's outcome in a bulk action. */
export type BulkResult = { id: string; ok: true; case: GridCase } | { id: string; ok: false; error: { code: string; message: string }; case?: GridCase };

const invalid = (path: string, message: string) => new AppError(422, 'validation_failed', `Invalid input: ${path}: ${message}`, [{ path, message }]);

/** People's lifecycle actions on cases: checked, versioned, audited, one transaction each. */
export function createCaseActions(deps: GridServiceDeps & { now: () => Date }) {
  const { now } = deps;

  /** Refuses input an action needs but lacks, before any row is locked. */
  function checkInput(id: string, action: CaseAction, input: ActionInput): void {
    if (action === 'dispatch' && input.department !== undefined && !deps.departments.has(input.department)) {
      throw invalid('department', `unknown department '${input.department}'`);
    }
    if (action === 'supervise') {
      if (!input.note?.trim()) throw invalid('note', 'a supervision (督办) needs a note');
      if (!input.dueAt) throw invalid('dueAt', 'a supervision (督办) needs a new due time');
      if (Date.parse(input.dueAt) <= now().getTime()) throw invalid('dueAt', 'must be in the future');
    }
    if (action === 'merge') {
      if (!input.masterId) throw invalid('masterId', 'a merge needs the master case');
      if (input.masterId === id) throw invalid('masterId', 'a case cannot be merged into itself');
    }
  }

  /** The master of a merge, checked against the duplicate: visible, same partition, still open. */
  function checkMaster(dup: CaseRecord, master: CaseRecord | undefined, actor: Actor): CaseRecord {
    if (!master || !inDistricts(ownDistricts(actor), [master.district])) throw invalid('masterId', 'master case not found');
    if (master.exercise !== dup.exercise) throw invalid('masterId', 'a drill case and a real case never merge');
    if (!isOpen(master.status)) throw new AppError(409, 'invalid_transition', `cannot merge into a case that is ${master.status}`);
    return master;
  }

  async function conflict(tx: Queryable, cur: CaseRecord, sent: number): Promise<AppError> {
    return new AppError(409, 'conflict', `case ${cur.id} has changed: version ${sent} was sent, the case is at version ${cur.version}`, [], {
      case: repo.toGridCase(cur, now()),
      changedBy: await lastChange(tx, cur),
    });
  }

  /** Applies one action inside `tx`; returns the acted-on case first, then any other case it changed. */
  async function apply(tx: Queryable, id: string, action: CaseAction, actor: Actor, input: ActionInput): Promise<CaseRecord[]> {
    const locked = await repo.lockCases(tx, action === 'merge' ? [id, input.masterId!] : [id]);
    const cur = locked.get(id);
    if (!cur || !inDistricts(ownDistricts(actor), [cur.district])) throw new AppError(404, 'not_found', `case ${id} not found`);
    if (cur.version !== input.version) throw await conflict(tx, cur, input.version);
    const step = transition(cur.status, action, actor.role);
    if (!step.ok) throw new AppError(step.code === 'forbidden' ? 403 : 409, step.code, step.reason);

    const before = { ...cur };
    const at = now().toISOString();
    const entry: TimelineRow = { caseId: cur.id, at, status: step.to, actor: actor.username, action, ...(input.note ? { note: input.note } : {}) };
    const touched = [cur];
    const timeline = [entry];
    if (step.to !== cur.status) enterStatus(cur, step.to, at, deps, input.department);
    if (action === 'dispatch') cur.assignee = input.assignee ?? null;
    if (action === 'feedback' && input.photoUrl) entry.mediaUrl = input.photoUrl;
    if (action === 'supervise') {
      cur.supervised = { at, by: actor.username, note: input.note!, dueAt: new Date(input.dueAt!).toISOString() };
      cur.deadlineAt = cur.supervised.dueAt;
      // A new due time is a new clock: past it, the case escalates again.
      cur.escalated = false;
    }
    if (action === 'merge') {
      const master = checkMaster(cur, locked.get(input.masterId!), actor);
      cur.closeReason = 'duplicate';
      cur.mergedInto = master.id;
      entry.refCase = master.id;
      master.version += 1;
      master.updatedAt = at;
      touched.push(master);
      timeline.push({ caseId: master.id, at, status: master.status, actor: actor.username, action, refCase: cur.id, ...(input.note ? { note: input.note } : {}) });
    }
    if (cur.department) entry.department = cur.department;
    cur.version += 1;
    cur.updatedAt = at;

    await repo.updateCases(tx, touched);
    await appendTimeline(tx, timeline);
    await deps.audit?.append(tx, {
      actor: actor.username,
      role: actor.role,
      action: `case.${action}`,
      target: cur.id,
      ip: actor.ip ?? null,
      detail: { ...changedFields(before, cur), ...(input.note ? { note: input.note } : {}) },
    });
    return touched;
  }

  /** A role that may never take the step is told so before anything about its input or the case. */
  function checkRole(actor: Actor, action: CaseAction): void {
    if (!mayTake(actor.role, action)) throw new AppError(403, 'forbidden', `role ${actor.role} may not ${action} a case`);
  }

  async function act(id: string, action: CaseAction, actor: Actor, input: ActionInput): Promise<GridCase> {
    checkRole(actor, action);
    checkInput(id, action, input);
    const touched = await deps.db.transaction((tx) => apply(tx, id, action, actor, input));
    const at = now();
    const out = touched.map((c) => repo.toGridCase(c, at));
    deps.sink.publish('grid', out);
    return out[0]!;
  }

  return {
    /** A person's action on one case (register, dispatch, supervise, merge …), against the version it was decided on. */
    act,

    /**
     * The same action on several cases, each in its own transaction: one refusal (a stale
     * version, a case in the wrong status) leaves the others done, and each item says how it went.
     */
    async bulk(action: CaseAction, items: { id: string; version: number }[], actor: Actor, input: Omit<ActionInput, 'version'>): Promise<BulkResult[]> {
      // A refusal of the role is the whole request's (403), not each item's.
      checkRole(actor, action);
      const results: BulkResult[] = [];
      for (const item of items) {
        try {
          results.push({ id: item.id, ok: true, case: await act(item.id, action, actor, { ...input, version: item.version }) });
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          const current = err.extra.case as GridCase | undefined;
          results.push({ id: item.id, ok: false, error: { code: err.code, message: err.message }, ...(current ? { case: current } : {}) });
        }
      }
      return results;
    },
  };
}
