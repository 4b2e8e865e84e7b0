import { randomUUID } from 'node:crypto';
import type { Bilingual, HandoverReport, ReportDrill } from '../../../../shared/contracts/handover.js';
import { AppError } from '../../errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { AuditLog } from '../ports.js';
import * as roster from '../roster/roster.repository.js';
import * as repo from './handover.repository.js';
import { HANDOVER_SECTIONS } from './sections/index.js';

/** Who drafts, submits or signs, as the audit log records it, with the districts it may read. */
export interface HandoverActor {
  username: string;
  role: string;
  ip: string | null;
  districts: string[] | null;
}

const refuse = (status: number, code: string, path: string, message: string) => new AppError(status, code, `${path}: ${message}`, [{ path, message }]);

/**
 * The shift handover (交接班): a report generated from the shift's alerts and cases (the
 * section registry), submitted by the outgoing officer, signed off by another user, after
 * which it is frozen with the figures it had when submitted.
 */
export function createHandoverService(deps: { db: Db; audit: AuditLog; places: Record<string, Bilingual>; resources: Record<string, string>; now?: () => Date }) {
  const { db, audit } = deps;
  const now = () => deps.now?.() ?? new Date();

  const drillsDuring = async (q: Queryable, from: string, to: string): Promise<ReportDrill[]> => {
    const { rows } = await q.query('select id, name, started_at, ended_at from drills where started_at < $2 and (ended_at is null or ended_at >= $1) order by started_at', [from, to]);
    return rows.map((r) => ({ id: String(r.id), name: String(r.name), startedAt: iso(r.started_at), endedAt: isoOrNull(r.ended_at) }));
  };

  /** The report of `shiftId` as of now (not stored). */
  const generate = async (q: Queryable, shiftId: string, districts: string[] | null): Promise<HandoverReport> => {
    const shift = await roster.getShift(q, shiftId);
    if (!shift) throw refuse(404, 'not_found', 'shiftId', `no shift ${shiftId}`);
    const at = now().toISOString();
    if (shift.startsAt > at) throw refuse(422, 'validation_failed', 'shiftId', 'the shift has not started yet');
    const window = { from: shift.startsAt, to: shift.endsAt < at ? shift.endsAt : at, districts, places: deps.places, resources: deps.resources };
    const sections = [];
    for (const s of HANDOVER_SECTIONS) sections.push(await s.run({ q, ...window }));
    return {
      id: null,
      shift,
      windowFrom: window.from,
      windowTo: window.to,
      drills: await drillsDuring(q, window.from, window.to),
      sections,
      note: null,
      submittedBy: null,
      submittedAt: null,
      signedBy: null,
      signedAt: null,
      signComment: null,
    };
  };

  return {
    /** The current shift's id (or 404 when no shift runs now). */
    async currentShiftId(): Promise<string> {
      const shift = await roster.shiftAt(db, now().toISOString());
      if (!shift) throw refuse(404, 'not_found', 'shiftId', 'no shift of the roster runs now');
      return shift.id;
    },
    /** A draft of the shift's report, as it would be submitted now. */
    draft: (actor: HandoverActor, shiftId: string) => generate(db, shiftId, actor.districts),
    /** Submits (or, while unsigned, resubmits) the shift's report with the outgoing officer's note. */
    async submit(actor: HandoverActor, shiftId: string, note: string | null): Promise<HandoverReport> {
      return db.transaction(async (tx) => {
        const before = await repo.getReport(tx, { shiftId }, true);
        if (before?.signedAt) throw refuse(409, 'already_signed', 'shiftId', `the report of this shift was signed by ${before.signedBy} and is frozen`);
        const report = { ...(await generate(tx, shiftId, actor.districts)), id: randomUUID(), note, submittedBy: actor.username, submittedAt: now().toISOString() };
        await repo.saveReport(tx, report);
        const figures = Object.fromEntries(report.sections.flatMap((s) => s.figures.map((f) => [`${s.id}.${f.key}`, f.value])));
        await audit.append(tx, { actor: actor.username, role: actor.role, action: 'handover.submit', target: report.id, ip: actor.ip, detail: { shiftId, replaced: before?.id ?? null, figures } });
        return report;
      });
    },
    /** 接班签收 by another user than the one who submitted; 409 once signed. */
    async sign(actor: HandoverActor, id: string, comment: string | null): Promise<HandoverReport> {
      return db.transaction(async (tx) => {
        const report = await repo.getReport(tx, { id }, true);
        if (!report) throw refuse(404, 'not_found', 'id', `no handover report ${id}`);
        if (report.signedAt) throw refuse(409, 'already_signed', 'id', `already signed by ${report.signedBy} at ${report.signedAt}`);
        if (report.submittedBy === actor.username) throw refuse(409, 'same_officer', 'id', 'the incoming officer signs the report, not the one who submitted it');
        const at = now().toISOString();
        if (!(await repo.signReport(tx, id, actor.username, at, comment))) throw refuse(409, 'already_signed', 'id', 'signed meanwhile');
        await audit.append(tx, { actor: actor.username, role: actor.role, action: 'handover.sign', target: id, ip: actor.ip, detail: { shiftId: report.shift.id, comment } });
        return { ...report, signedBy: actor.username, signedAt: at, signComment: comment };
      });
    },
    get: (id: string) => repo.getReport(db, { id }),
    list: (f: { limit: number; before?: string }) => repo.listReports(db, f),
  };
}
export type HandoverService = ReturnType<typeof createHandoverService>;
