import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import { HttpError, type ErrorIssue } from '../../http/errors.js';
import type { Alert, AlertArea, AlertParsed } from '../../../../shared/schemas/alert.js';
import type { WarningLevel } from '../../../../shared/schemas/common.js';
import { compareWarningLevels, severityFromLevel } from '../../../../shared/domain/warning.js';
import type { ChangeSink, IngestResult } from '../ports.js';
import * as repo from './alerts.repository.js';
import type { AlertRecord } from './alerts.repository.js';

export interface AlertServiceDeps {
  db: Db;
  districtsForAreas: (areas: AlertArea[]) => string[];
  sink: ChangeSink;
  now?: () => Date;
}

/**
 * Minutes an unacknowledged alert waits before each escalation step, by level — the
 * product's own rule: the more severe, the sooner the duty chain is pulled in.
 */
export const ESCALATION_MINUTES: Record<WarningLevel, number> = { red: 5, orange: 10, yellow: 20, blue: 30 };
export const MAX_ESCALATION = 3;

/** CAP statuses that never reach the screens (they are accepted and discarded). */
const NOT_DISPLAYED = new Set(['Test', 'Draft', 'System']);

/** Alerts in (JSON, CAP, environment breaches), acknowledgement, escalation and expiry. */
export function createAlertService(deps: AlertServiceDeps) {
  const now = deps.now ?? (() => new Date());

  function fields(a: AlertParsed) {
    return {
      category: a.category, event: a.event, level: a.level, severity: severityFromLevel(a.level),
      urgency: a.urgency, certainty: a.certainty, headline: a.headline ?? null, description: a.description ?? null,
      instruction: a.instruction ?? null, effective: a.effective ? new Date(a.effective).toISOString() : null,
      expires: a.expires ? new Date(a.expires).toISOString() : null, areas: a.areas,
      districts: a.districts ?? deps.districtsForAreas(a.areas),
    };
  }

  /** Applies one CAP message inside `tx`; returns the alert it touched (null: a duplicate or ignored). */
  async function apply(tx: Queryable, a: AlertParsed, path: string, issues: ErrorIssue[]): Promise<{ id: string; touched: AlertRecord | null }> {
    const seen = await repo.messageSeen(tx, a.sourceId);
    if (seen) return { id: seen, touched: null };
    const at = now().toISOString();
    const exercise = a.status === 'Exercise';
    if (a.msgType === 'Alert') {
      const rec: AlertRecord = {
        id: randomUUID(), sourceId: a.sourceId, sender: a.sender, sent: new Date(a.sent).toISOString(), ...fields(a),
        state: 'active', exercise, escalation: 0, acknowledgedBy: null, acknowledgedAt: null, ackComment: null,
        createdAt: at, updatedAt: at,
      };
      await repo.insertAlert(tx, rec);
      await repo.recordMessage(tx, a.sourceId, rec.id, a.msgType, a);
      return { id: rec.id, touched: rec };
    }
    const [target, ...more] = await repo.findByMessageIds(tx, a.references);
    const fail = (message: string) => (issues.push({ path: `${path}.references`, message }), { id: a.sourceId, touched: null });
    if (!a.references.length) return fail(`${a.msgType} needs references to the alert it concerns`);
    if (!target) return fail(`no known alert is referenced by ${a.references.join(' ')}`);
    if (more.length) return fail('references name more than one alert');
    if (target.exercise !== exercise) return fail('exercise and real alerts never mix');
    if (target.state === 'cancelled') return fail(`alert ${target.sourceId} is already cancelled`);
    if (a.msgType === 'Cancel') {
      target.state = 'cancelled';
    } else if (a.msgType === 'Update') {
      const raised = compareWarningLevels(a.level, target.level) > 0;
      Object.assign(target, fields(a), { sent: new Date(a.sent).toISOString() });
      // A higher level is a new situation: it must be acknowledged again.
      if (raised) Object.assign(target, { state: 'active', escalation: 0, acknowledgedBy: null, acknowledgedAt: null, ackComment: null, createdAt: at });
    } else {
      await repo.recordMessage(tx, a.sourceId, target.id, a.msgType, a);
      return { id: target.id, touched: null };
    }
    target.updatedAt = at;
    await repo.updateAlert(tx, target);
    await repo.recordMessage(tx, a.sourceId, target.id, a.msgType, a);
    return { id: target.id, touched: target };
  }

  /** Applies messages in order inside an outer transaction (used by ingest and by breach detection). */
  async function applyAll(tx: Queryable, items: AlertParsed[]) {
    const issues: ErrorIssue[] = [];
    const touched = new Map<string, AlertRecord>();
    const ids: string[] = [];
    for (const [i, a] of items.entries()) {
      if (NOT_DISPLAYED.has(a.status)) {
        ids.push(a.sourceId);
        continue;
      }
      const r = await apply(tx, a, String(i), issues);
      ids.push(r.id);
      if (r.touched) touched.set(r.touched.id, r.touched);
    }
    if (issues.length) throw new HttpError(409, 'unknown_reference', `Conflict: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
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

    async ingest(items: AlertParsed[]): Promise<IngestResult> {
      const { ids, touched } = await deps.db.transaction((tx) => applyAll(tx, items));
      publish(touched);
      return { accepted: items.length, ids };
    },

    /** A duty officer acknowledges an alert with a comment. */
    async acknowledge(id: string, user: { username: string; districts: string[] | null }, comment: string): Promise<Alert> {
      const rec = await deps.db.transaction(async (tx) => {
        const a = await repo.getAlert(tx, id, true);
        if (!a || (user.districts && !a.districts.some((d) => user.districts!.includes(d)))) {
          throw new HttpError(404, 'not_found', `alert ${id} not found`);
        }
        if (a.state !== 'active') throw new HttpError(409, 'not_active', `alert is ${a.state}, not active`);
        Object.assign(a, { state: 'acknowledged', acknowledgedBy: user.username, acknowledgedAt: now().toISOString(), ackComment: comment, updatedAt: now().toISOString() });
        await repo.updateAlert(tx, a);
        return a;
      });
      return publish([rec])[0]!;
    },

    /** Escalates unacknowledged alerts step by step, and expires those past `expires`. */
    async sweep(): Promise<Alert[]> {
      const t = now();
      const recs = await deps.db.transaction(async (tx) => {
        const changed: AlertRecord[] = [];
        for (const a of await repo.listLive(tx)) {
          let dirty = false;
          if (a.expires && Date.parse(a.expires) <= t.getTime()) {
            a.state = 'expired';
            dirty = true;
          } else if (a.state === 'active') {
            const steps = Math.floor((t.getTime() - Date.parse(a.createdAt)) / 60_000 / ESCALATION_MINUTES[a.level]);
            const level = Math.min(steps, MAX_ESCALATION);
            if (level > a.escalation) {
              a.escalation = level;
              dirty = true;
            }
          }
          if (dirty) {
            a.updatedAt = t.toISOString();
            await repo.updateAlert(tx, a);
            changed.push(a);
          }
        }
        return changed;
      });
      return publish(recs);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
