import type { Queryable } from '../../store/db.js';
import { iso, isoOrNull } from '../../store/sql-helpers.js';
import type { ActivationEvent, ActivationState, PlanActivation, ResponsePlan, StepState } from '../../../../shared/schemas/plan.js';
import type { Alert } from '../../../../shared/schemas/alert.js';

/** An activation as stored, without its steps and history (read with {@link withDetail}). */
export type ActivationRow = Omit<PlanActivation, 'steps' | 'history'>;

const COLUMNS = `id, plan_id, plan, alert_id, exercise, districts, state, response_level, alert_level, alert_state, alert_ended, version,
  proposed_at, started_at, started_by, ended_at, ended_by, updated_at, manual_reason, manual_event,
  (select a.event from alerts a where a.id = alert_id) as alert_event, (select a.headline from alerts a where a.id = alert_id) as alert_headline,
  (select a.sent from alerts a where a.id = alert_id) as alert_sent`;

function fromRow(r: Record<string, unknown>): ActivationRow {
  return {
    id: String(r.id),
    planId: String(r.plan_id),
    plan: r.plan as ResponsePlan,
    alertId: r.alert_id === null ? null : String(r.alert_id),
    alert:
      r.alert_id === null
        ? null
        : {
            event: String(r.alert_event),
            headline: (r.alert_headline as string | null) ?? null,
            level: r.alert_level as Alert['level'],
            state: r.alert_state as Alert['state'],
            sent: iso(r.alert_sent),
          },
    manual: r.manual_reason === null ? null : { reason: String(r.manual_reason), event: (r.manual_event as string | null) ?? null },
    exercise: Boolean(r.exercise),
    districts: (r.districts as string[]) ?? [],
    state: r.state as ActivationState,
    responseLevel: r.response_level as PlanActivation['responseLevel'],
    version: Number(r.version),
    proposedAt: iso(r.proposed_at),
    startedAt: isoOrNull(r.started_at),
    startedBy: (r.started_by as string | null) ?? null,
    endedAt: isoOrNull(r.ended_at),
    endedBy: (r.ended_by as string | null) ?? null,
    alertEnded: Boolean(r.alert_ended),
    updatedAt: iso(r.updated_at),
  };
}

export async function insertActivation(q: Queryable, a: ActivationRow): Promise<void> {
  await q.query(
    `insert into plan_activations (id, plan_id, plan, alert_id, exercise, districts, state, response_level, alert_level, alert_state, alert_ended, version,
       proposed_at, started_at, started_by, ended_at, ended_by, updated_at, manual_reason, manual_event)
     values ($1, $2, $3::jsonb, $4, $5, $6::text[], $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      a.id,
      a.planId,
      JSON.stringify(a.plan),
      a.alertId,
      a.exercise,
      a.districts,
      a.state,
      a.responseLevel,
      a.alert?.level ?? null,
      a.alert?.state ?? null,
      a.alertEnded,
      a.version,
      a.proposedAt,
      a.startedAt,
      a.startedBy,
      a.endedAt,
      a.endedBy,
      a.updatedAt,
      a.manual?.reason ?? null,
      a.manual?.event ?? null,
    ],
  );
}

/** Writes the changeable fields back; the caller has raised `version`. */
export async function updateActivation(q: Queryable, a: ActivationRow): Promise<void> {
  await q.query(
    `update plan_activations set districts = $2::text[], state = $3, response_level = $4, alert_level = $5, alert_state = $6, alert_ended = $7, version = $8,
       started_at = $9, started_by = $10, ended_at = $11, ended_by = $12, updated_at = $13 where id = $1`,
    [a.id, a.districts, a.state, a.responseLevel, a.alert?.level ?? null, a.alert?.state ?? null, a.alertEnded, a.version, a.startedAt, a.startedBy, a.endedAt, a.endedBy, a.updatedAt],
  );
}

/** One activation; `forUpdate` locks it for the rest of the transaction. */
export async function getActivation(q: Queryable, id: string, forUpdate = false): Promise<ActivationRow | null> {
  const { rows } = await q.query(`select ${COLUMNS} from plan_activations where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The activations of an alert that have not ended, locked. */
export async function runningForAlert(q: Queryable, alertId: string): Promise<ActivationRow[]> {
  const { rows } = await q.query(`select ${COLUMNS} from plan_activations where alert_id = $1 and state <> 'ended' order by proposed_at, id for update`, [alertId]);
  return rows.map(fromRow);
}

/** Plan ids ever proposed or started for an alert: a matching plan is proposed once per alert. */
export async function plansOfAlert(q: Queryable, alertId: string): Promise<Set<string>> {
  const { rows } = await q.query('select plan_id from plan_activations where alert_id = $1', [alertId]);
  return new Set(rows.map((r) => String(r.plan_id)));
}

/** The activation of `planId` for `alertId` that has not ended (at most one), locked. */
export async function runningOfPlan(q: Queryable, planId: string, alertId: string): Promise<ActivationRow | null> {
  const { rows } = await q.query(`select ${COLUMNS} from plan_activations where plan_id = $1 and alert_id = $2 and state <> 'ended' for update`, [planId, alertId]);
  return rows[0] ? fromRow(rows[0]) : null;
}

export interface ActivationFilter {
  states?: ActivationState[];
  exercise?: boolean;
  alertId?: string;
  /** Only those reaching one of these districts (null: any). */
  districts?: string[] | null;
  /** Overlapping the window [from, to): proposed before `to`, not ended before `from`. */
  from?: string;
  to?: string;
  limit?: number;
}

/** Activations, newest first, with their steps and history. */
export async function listActivations(q: Queryable, f: ActivationFilter): Promise<PlanActivation[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => (params.push(v), where.push(sql.replace('?', `$${params.length}`)));
  if (f.states?.length) add('state = any(?::text[])', f.states);
  if (f.exercise !== undefined) add('exercise = ?', f.exercise);
  if (f.alertId) add('alert_id = ?', f.alertId);
  if (f.districts) add('districts && ?::text[]', f.districts);
  if (f.to) add('proposed_at < ?', f.to);
  if (f.from) add('(ended_at is null or ended_at >= ?)', f.from);
  params.push(f.limit ?? 200);
  const { rows } = await q.query(`select ${COLUMNS} from plan_activations ${where.length ? `where ${where.join(' and ')}` : ''} order by proposed_at desc, id desc limit $${params.length}`, params);
  return withDetail(q, rows.map(fromRow));
}

/** Adds each activation's step states and history. */
export async function withDetail(q: Queryable, rows: ActivationRow[]): Promise<PlanActivation[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [steps, history] = await Promise.all([
    q.query('select activation_id, step_id, done, at, by_user, note from plan_step_states where activation_id = any($1::text[])', [ids]),
    q.query('select activation_id, at, kind, actor, step_id, from_level, to_level, alert_level, note from plan_history where activation_id = any($1::text[]) order by at, id', [ids]),
  ]);
  const byId = new Map(rows.map((r) => [r.id, { ...r, steps: [] as StepState[], history: [] as ActivationEvent[] }]));
  for (const s of steps.rows) {
    byId.get(String(s.activation_id))!.steps.push({ stepId: String(s.step_id), done: Boolean(s.done), at: iso(s.at), by: String(s.by_user), note: (s.note as string | null) ?? null });
  }
  for (const h of history.rows) {
    byId.get(String(h.activation_id))!.history.push({
      at: iso(h.at),
      kind: h.kind as ActivationEvent['kind'],
      actor: (h.actor as string | null) ?? null,
      ...(h.step_id === null ? {} : { stepId: String(h.step_id) }),
      ...(h.from_level === null ? {} : { from: h.from_level as ActivationEvent['from'] }),
      ...(h.to_level === null ? {} : { to: h.to_level as ActivationEvent['to'] }),
      ...(h.alert_level === null ? {} : { alertLevel: h.alert_level as ActivationEvent['alertLevel'] }),
      ...(h.note === null ? {} : { note: String(h.note) }),
    });
  }
  return [...byId.values()];
}

export async function appendEvent(q: Queryable, activationId: string, e: ActivationEvent): Promise<void> {
  await q.query('insert into plan_history (activation_id, at, kind, actor, step_id, from_level, to_level, alert_level, note) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
    activationId,
    e.at,
    e.kind,
    e.actor,
    e.stepId ?? null,
    e.from ?? null,
    e.to ?? null,
    e.alertLevel ?? null,
    e.note ?? null,
  ]);
}

/** Records a tick or an untick as the step's current state. */
export async function setStep(q: Queryable, activationId: string, s: StepState & { at: string; by: string }): Promise<void> {
  await q.query(
    `insert into plan_step_states (activation_id, step_id, done, at, by_user, note) values ($1, $2, $3, $4, $5, $6)
     on conflict (activation_id, step_id) do update set done = excluded.done, at = excluded.at, by_user = excluded.by_user, note = excluded.note`,
    [activationId, s.stepId, s.done, s.at, s.by, s.note],
  );
}
