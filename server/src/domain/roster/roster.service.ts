import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../ports.js';
import type { Db, Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import type { DutyShift, ShiftInput } from '../../../../shared/schemas/roster.js';
import * as repo from './roster.repository.js';
import { parseRosterCsv } from './roster-csv.js';

/** Who changes the roster, as the audit log records it. */
export interface RosterActor {
  username: string;
  role: string;
  ip: string | null;
}

/** Who is on duty now and when the shift hands over; the next shift when none runs. */
export interface OnDuty {
  current: DutyShift | null;
  next: DutyShift | null;
}

const fmt = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + 'Z';

/** Normalises the instants to UTC ISO, so shifts compare as text and are stored alike. */
const normal = (s: ShiftInput): ShiftInput => ({ ...s, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() });

/**
 * The duty roster (值班表): shifts that never overlap, changed by administrators (every change
 * audited in its transaction) and read by everyone signed in.
 */
export function createRosterService(deps: { db: Db; audit: AuditLog; now?: () => Date }) {
  const { db, audit } = deps;
  const now = () => deps.now?.() ?? new Date();

  const refuseOverlap = async (q: Queryable, s: ShiftInput, except: string | null, path = 'body.startsAt') => {
    const clash = (await repo.shiftsBetween(q, s.startsAt, s.endsAt, except))[0];
    if (clash) {
      const message = `overlaps shift ${clash.id} (${fmt(clash.startsAt)} – ${fmt(clash.endsAt)})`;
      throw new AppError(422, 'validation_failed', `Invalid input: ${path}: ${message}`, [{ path, message }]);
    }
  };
  const record = (q: Queryable, actor: RosterActor, action: string, target: string | null, detail: Record<string, unknown>) =>
    audit.append(q, { actor: actor.username, role: actor.role, action, target, ip: actor.ip, detail });
  const stored = (id: string, s: ShiftInput, actor: RosterActor): DutyShift => ({ id, ...s, note: s.note ?? null, updatedBy: actor.username, updatedAt: now().toISOString() });

  return {
    /** Shifts overlapping `[from, to)`, earliest first. */
    list: (from: string, to: string) => repo.shiftsBetween(db, from, to),
    get: (id: string) => repo.getShift(db, id),
    /** The shift running now and the next one. */
    async onDuty(at = now()): Promise<OnDuty> {
      const current = await repo.shiftAt(db, at.toISOString());
      return { current, next: await repo.shiftAfter(db, current?.endsAt ?? at.toISOString()) };
    },
    async create(actor: RosterActor, input: ShiftInput): Promise<DutyShift> {
      const s = normal(input);
      return db.transaction(async (tx) => {
        await refuseOverlap(tx, s, null);
        const shift = await repo.upsertShift(tx, stored(randomUUID(), s, actor));
        await record(tx, actor, 'roster.create', shift.id, { after: s });
        return shift;
      });
    },
    async update(actor: RosterActor, id: string, input: ShiftInput): Promise<DutyShift> {
      const s = normal(input);
      return db.transaction(async (tx) => {
        const before = await repo.getShift(tx, id);
        if (!before) throw new AppError(404, 'not_found', `No shift ${id}`);
        if (await repo.hasReport(tx, id)) throw new AppError(409, 'handed_over', `Shift ${id} has a handover report and is kept as filed`);
        await refuseOverlap(tx, s, id);
        const shift = await repo.upsertShift(tx, stored(id, s, actor));
        await record(tx, actor, 'roster.update', id, { before, after: s });
        return shift;
      });
    },
    async remove(actor: RosterActor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await repo.getShift(tx, id);
        if (!before) throw new AppError(404, 'not_found', `No shift ${id}`);
        if (!(await repo.deleteShift(tx, id))) throw new AppError(409, 'handed_over', `Shift ${id} has a handover report and is kept as filed`);
        await record(tx, actor, 'roster.delete', id, { before });
      });
    },
    /**
     * Imports a roster CSV all or nothing: every bad line is reported (422, `lines.<n>.<field>`),
     * and a line overlapping a stored shift is refused unless `replace` drops the stored shifts
     * (without a report) in the file's span first.
     */
    async importCsv(actor: RosterActor, text: string, replace: boolean): Promise<{ imported: number; replaced: number }> {
      const parsed = parseRosterCsv(text);
      if (parsed.issues.length) throw new AppError(422, 'validation_failed', `Invalid roster: ${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`, parsed.issues);
      if (!parsed.rows.length) throw new AppError(422, 'validation_failed', 'Invalid roster: lines: the file has no shifts', [{ path: 'lines', message: 'the file has no shifts' }]);
      const rows = parsed.rows.map((r) => ({ line: r.line, shift: normal(r.shift) }));
      const from = rows.reduce((m, r) => (r.shift.startsAt < m ? r.shift.startsAt : m), rows[0]!.shift.startsAt);
      const to = rows.reduce((m, r) => (r.shift.endsAt > m ? r.shift.endsAt : m), rows[0]!.shift.endsAt);
      return db.transaction(async (tx) => {
        let replaced = 0;
        if (replace) for (const old of await repo.shiftsBetween(tx, from, to)) if (await repo.deleteShift(tx, old.id)) replaced++;
        const issues = [];
        for (const r of rows) {
          const clash = (await repo.shiftsBetween(tx, r.shift.startsAt, r.shift.endsAt))[0];
          if (clash) issues.push({ path: `lines.${r.line}.startsAt`, message: `overlaps stored shift ${clash.id} (${fmt(clash.startsAt)} – ${fmt(clash.endsAt)})` });
        }
        if (issues.length) throw new AppError(422, 'validation_failed', `Invalid roster: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
        for (const r of rows) await repo.upsertShift(tx, stored(randomUUID(), r.shift, actor));
        await record(tx, actor, 'roster.import', null, { imported: rows.length, replaced, from, to });
        return { imported: rows.length, replaced };
      });
    },
  };
}
export type RosterService = ReturnType<typeof createRosterService>;
