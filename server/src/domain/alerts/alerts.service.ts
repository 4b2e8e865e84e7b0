import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import { AppError, type ErrorIssue } from '../../errors.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import { CITY_SENDERS, type Alert, type AlertArea, type AlertKind, type AlertParsed } from '../../../../shared/schemas/alert.js';
import { parseMessageRef } from '../../../../shared/cap/message-ref.js';
import { compareWarningLevels, severityFromLevel } from '../../../../shared/domain/warning.js';
import { ESCALATION_MINUTES, escalationState } from '../../../../shared/domain/escalation.js';
import type { Actor, AuditLog, ChangeSink, IngestResult } from '../ports.js';
import * as repo from './alerts.repository.js';
import type { AlertRecord } from './alerts.repository.js';
import * as messages from './alert-messages.repository.js';
import type { MessageKey } from './alert-messages.repository.js';
import { appendHistory } from './alert-history.repository.js';
import { alertChanges } from './alert-changes.js';
import { displayAreas } from './simplify.js';

/** A message refused against stored state: 422 (nothing usable referenced) or 409 (cancelled). */
interface Refusal extends ErrorIssue {
  status: 409 | 422;
}

export interface AlertServiceDeps {
  db: Db;
  districtsForAreas: (areas: AlertArea[]) => string[];
  /** Human names of known CAP senders (city pack), for messages that carry no `senderName`. */
  senderNames?: ReadonlyMap<string, string>;
  sink: ChangeSink;
  /** Where acknowledgements are recorded for auditors (in the acknowledgement's transaction). */
  audit?: AuditLog;
  /**
   * What follows stored alerts in their own transaction (the response plans); resolves to
   * what to do once it committed.
   */
  onAlerts?: (tx: Queryable, touched: readonly AlertRecord[]) => Promise<() => Promise<void>>;
  now?: () => Date;
}

/** A message's CAP identity as it was sent (`sent` keeps the sender's offset). */
const messageOf = (a: AlertParsed) => ({ sender: a.sender, identifier: a.sourceId, sent: a.sent });

/** CAP statuses that never reach the screens (stored as messages, raising no alert). */
const NOT_DISPLAYED = new Set(['Test', 'Draft', 'System']);

/** Alerts in (JSON, CAP, environment breaches), acknowledgement, escalation and expiry. */
export function createAlertService(deps: AlertServiceDeps) {
  const now = deps.now ?? (() => new Date());

  function fields(a: AlertParsed) {
    return {
      category: a.category,
      event: a.event,
      level: a.level,
      severity: severityFromLevel(a.level),
      urgency: a.urgency,
      certainty: a.certainty,
      headline: a.headline ?? null,
      description: a.description ?? null,
      instruction: a.instruction ?? null,
      effective: a.effective ? new Date(a.effective).toISOString() : null,
      expires: a.expires ? new Date(a.expires).toISOString() : null,
      areas: a.areas,
      displayAreas: displayAreas(a.areas),
      districts: a.districts ?? deps.districtsForAreas(a.areas),
      senderName: a.senderName ?? deps.senderNames?.get(a.sender) ?? null,
      sent: new Date(a.sent).toISOString(),
    };
  }

  async function create(tx: Queryable, a: AlertParsed, key: MessageKey, kind: AlertKind): Promise<AlertRecord> {
    const at = now().toISOString();
    const rec: AlertRecord = {
      id: randomUUID(),
      sourceId: a.sourceId,
      sender: a.sender,
      kind,
      ...fields(a),
      state: 'active',
      exercise: a.status === 'Exercise',
      escalation: 0,
      acknowledgedBy: null,
      acknowledgedAt: null,
      ackComment: null,
      raisedAt: at,
      updatedAt: at,
    };
    await repo.insertAlert(tx, rec);
    await messages.recordMessage(tx, key, rec.id, a.msgType, a);
    await appendHistory(tx, rec.id, { at, kind: 'received', actor: a.sender, message: messageOf(a) });
    return rec;
  }

  /**
   * Applies one message inside `tx`; returns the alert it touched (null: a duplicate, or a
   * message that changes no alert). Refusals go to `issues`; the caller throws.
   */
  async function apply(tx: Queryable, a: AlertParsed, path: string, issues: Refusal[], kind: AlertKind): Promise<{ id: string; touched: AlertRecord | null }> {
    const key: MessageKey = { sender: a.sender, identifier: a.sourceId, sent: new Date(a.sent).toISOString() };
    const seen = await messages.messageSeen(tx, key);
    if (seen) return { id: seen.alertId ?? a.sourceId, touched: null };
    if (NOT_DISPLAYED.has(a.status)) {
      await messages.recordMessage(tx, key, null, a.msgType, a);
      return { id: a.sourceId, touched: null };
    }
    if (a.msgType === 'Alert') {
      const rec = await create(tx, a, key, kind);
      return { id: rec.id, touched: rec };
    }
    const fail = (status: 409 | 422, message: string) => (issues.push({ status, path: `${path}.references`, message }), { id: a.sourceId, touched: null });
    if (!a.references.length) return fail(422, `${a.msgType} needs references to the message it concerns`);
    const ids = await messages.referencedAlertIds(
      tx,
      a.references.map((r) => parseMessageRef(r)!),
      a.sender,
    );
    if (ids.length > 1) return fail(422, 'references name more than one alert');
    if (ids.length === 0) {
      // An Update carries the whole current warning: one whose original we never received
      // is still the warning in force, so it is stored as a new alert rather than lost.
      if (a.msgType !== 'Update') return fail(422, `no stored message of sender ${a.sender} matches ${a.references.join(' ')}`);
      const rec = await create(tx, a, key, kind);
      return { id: rec.id, touched: rec };
    }
    const target = (await repo.getAlert(tx, ids[0]!, true))!;
    if (target.exercise !== (a.status === 'Exercise')) return fail(422, 'exercise and real alerts never mix');
    if (a.msgType !== 'Ack' && a.msgType !== 'Error' && target.sender !== a.sender) {
      return fail(422, `only ${target.sender} may update or cancel its alert ${target.sourceId}`);
    }
    if (target.state === 'cancelled') return fail(409, `alert ${target.sourceId} is already cancelled`);
    const at = now().toISOString();
    if (a.msgType === 'Cancel') {
      target.state = 'cancelled';
      await appendHistory(tx, target.id, { at, kind: 'cancelled', actor: a.sender, message: messageOf(a) });
    } else if (a.msgType === 'Update') {
      const before = { ...target };
      const raised = compareWarningLevels(a.level, target.level) > 0;
      Object.assign(target, fields(a));
      // A higher level is a new situation: it must be acknowledged again.
      if (raised) Object.assign(target, { state: 'active', escalation: 0, acknowledgedBy: null, acknowledgedAt: null, ackComment: null, raisedAt: at });
      await appendHistory(tx, target.id, { at, kind: 'updated', actor: a.sender, changes: alertChanges(before, target), message: messageOf(a) });
    } else {
      await messages.recordMessage(tx, key, target.id, a.msgType, a);
      return { id: target.id, touched: null };
    }
    target.updatedAt = at;
    await repo.updateAlert(tx, target);
    await messages.recordMessage(tx, key, target.id, a.msgType, a);
    return { id: target.id, touched: target };
  }

  /**
   * Applies messages in order inside an outer transaction (used by ingest, and by the
   * environment rules with `kind` notice). Any refusal throws, so nothing of the batch is
   * stored: 422 for a reference that names nothing usable, 409 for a cancelled alert.
   */
  async function applyAll(tx: Queryable, items: AlertParsed[], kind: AlertKind = 'warning') {
    const issues: Refusal[] = [];
    const touched = new Map<string, AlertRecord>();
    const ids: string[] = [];
    for (const [i, a] of items.entries()) {
      const r = await apply(tx, a, String(i), issues, kind);
      ids.push(r.id);
      if (r.touched) touched.set(r.touched.id, r.touched);
    }
    const refused = issues.filter((x) => x.status === 422);
    if (refused.length)
      throw new AppError(
        422,
        'validation_failed',
        `Invalid input: ${refused[0]!.path}: ${refused[0]!.message}`,
        refused.map(({ path, message }) => ({ path, message })),
      );
    if (issues.length)
      throw new AppError(
        409,
        'conflict',
        `Conflict: ${issues[0]!.path}: ${issues[0]!.message}`,
        issues.map(({ path, message }) => ({ path, message })),
      );
    return { ids, touched: [...touched.values()] };
  }

  function publish(recs: AlertRecord[]): Alert[] {
    const out = recs.map(repo.toAlert);
    if (out.length) deps.sink.publish('alerts', out);
    return out;
  }

  return {
    applyAll,
    publish,

    /** Alerts from integrators (JSON or CAP): always official warnings; the city's own sender is reserved. */
    async ingest(items: AlertParsed[]): Promise<IngestResult> {
      const reserved = items.flatMap((a, i) =>
        CITY_SENDERS.includes(a.sender) ? [{ path: `${i}.sender`, message: `${a.sender} is the city's own sender; integrators send under their own sender` }] : [],
      );
      if (reserved.length) throw new AppError(422, 'validation_failed', `Invalid input: ${reserved[0]!.path}: ${reserved[0]!.message}`, reserved);
      const store = () =>
        deps.db.transaction(async (tx) => {
          const applied = await applyAll(tx, items);
          return { ...applied, followed: await deps.onAlerts?.(tx, applied.touched) };
        });
      // A parallel request storing the same message wins the key; once it committed, a retry
      // finds the message and answers with its alert (same triple, stored once).
      const { ids, touched, followed } = await store().catch((err: unknown) => (messages.isDuplicateMessage(err) ? store() : Promise.reject(err)));
      publish(touched);
      await followed?.();
      return { accepted: items.length, ids };
    },

    /** A duty officer acknowledges an alert with a comment: recorded in its history and the audit log. */
    async acknowledge(id: string, actor: Actor, comment: string): Promise<Alert> {
      const rec = await deps.db.transaction(async (tx) => {
        const a = await repo.getAlert(tx, id, true);
        if (!a || !inDistricts(ownDistricts(actor), a.districts)) {
          throw new AppError(404, 'not_found', `alert ${id} not found`);
        }
        if (a.state !== 'active') throw new AppError(409, 'not_active', `alert is ${a.state}, not active`);
        const at = now().toISOString();
        const after = { state: 'acknowledged' as const, acknowledgedBy: actor.username, acknowledgedAt: at, ackComment: comment };
        const before = { state: a.state, escalation: a.escalation };
        Object.assign(a, after, { updatedAt: at });
        await repo.updateAlert(tx, a);
        const message = (await messages.messageInForce(tx, a.id)) ?? undefined;
        await appendHistory(tx, a.id, { at, kind: 'acknowledged', actor: actor.username, comment, message });
        await deps.audit?.append(tx, {
          actor: actor.username,
          role: actor.role,
          action: 'alert.acknowledge',
          target: `alert:${a.id}`,
          ip: actor.ip ?? null,
          detail: { before, after, note: comment, alert: { sender: a.sender, identifier: a.sourceId, level: a.level, exercise: a.exercise } },
        });
        return a;
      });
      return publish([rec])[0]!;
    },

    /** Escalates unacknowledged alerts step by step, and expires those past `expires`. */
    async sweep(): Promise<Alert[]> {
      const t = now();
      const { changed: recs, followed } = await deps.db.transaction(async (tx) => {
        const changed: AlertRecord[] = [];
        for (const a of await repo.listLive(tx)) {
          let dirty = false;
          if (a.expires && Date.parse(a.expires) <= t.getTime()) {
            a.state = 'expired';
            dirty = true;
            await appendHistory(tx, a.id, { at: t.toISOString(), kind: 'expired', actor: null });
          } else if (a.state === 'active') {
            const { step } = escalationState(a, t);
            // Each step in the history at the time it fell due, also when a sweep was missed.
            for (let k = a.escalation + 1; k <= step; k++) {
              const due = Date.parse(a.raisedAt) + k * ESCALATION_MINUTES[a.level] * 60_000;
              await appendHistory(tx, a.id, { at: new Date(due).toISOString(), kind: 'escalated', actor: null, step: k });
            }
            if (step > a.escalation) {
              a.escalation = step;
              dirty = true;
            }
          }
          if (dirty) {
            a.updatedAt = t.toISOString();
            await repo.updateAlert(tx, a);
            changed.push(a);
          }
        }
        return { changed, followed: await deps.onAlerts?.(tx, changed) };
      });
      await followed?.();
      return publish(recs);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
