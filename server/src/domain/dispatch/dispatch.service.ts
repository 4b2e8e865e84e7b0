import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../store/db.js';
import type { Resource } from '../../../../shared/schemas/city-pack.js';
import type { AssignInput, Assignment, AssignmentUpdate, DispatchTargetKind } from '../../../../shared/schemas/dispatch.js';
import { assignmentKindOf, canMove, isActive, ledgerItem, ledgerTotal } from '../../../../shared/domain/dispatch.js';
import { inDistricts, ownDistricts } from '../../../../shared/auth/districts.js';
import { AppError } from '../../errors.js';
import type { Actor, AuditLog, ChangeSink } from '../ports.js';
import * as repo from './assignments.repository.js';
import * as ledger from './ledger.repository.js';
import type { TargetResolver } from './dispatch-targets.js';

export interface DispatchServiceDeps {
  db: Db;
  /** The city pack's resources: their figures (people, stock, capacity) are the ledger's totals. */
  resources: readonly Resource[];
  targets: Record<DispatchTargetKind, TargetResolver>;
  sink: ChangeSink;
  audit?: AuditLog;
  now?: () => Date;
}

const unprocessable = (path: string, message: string) => new AppError(422, 'validation_failed', message, [{ path, message }]);

/**
 * Rescue resources dispatched (指挥调度): teams, warehouse materials and shelters assigned to
 * alerts, cases and plan steps. Each change runs in one transaction with its ledger line, its
 * history step and its audit row, then is pushed on the `dispatch` topic.
 */
export function createDispatchService(deps: DispatchServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const resources = new Map(deps.resources.map((r) => [r.id, r]));

  async function full(q: Queryable, recs: repo.AssignmentRecord[]): Promise<Assignment[]> {
    const hist = await repo.histories(
      q,
      recs.map((r) => r.id),
    );
    return recs.map((r) => {
      const res = resources.get(r.resourceId);
      return { ...r, resourceName: res?.name ?? r.resourceId, resourceType: res?.type ?? 'unknown', history: hist.get(r.id) ?? [] };
    });
  }

  /** Takes `amount` of the assignment's item from its resource's ledger, or refuses naming the item and what is free. */
  async function take(tx: Queryable, a: repo.AssignmentRecord, res: Resource, amount: number): Promise<void> {
    if (amount <= 0) return;
    const total = ledgerTotal(res, a.item) ?? 0;
    const key = { resourceId: res.id, item: a.item, exercise: a.exercise };
    if ((await ledger.take(tx, key, amount, total)) !== null) return;
    const free = Math.max(0, total - (await ledger.committed(tx, key)));
    // A shelter's limit is its capacity in the city pack: say what the occupancy asked would make.
    const message =
      a.kind === 'shelter'
        ? `${res.name} shelters at most ${total} people: occupancy ${a.quantity} would exceed its capacity (${free} places free)`
        : `${res.name}: only ${free} ${a.item} free, ${amount} asked`;
    throw new AppError(409, 'insufficient_stock', message, [{ path: 'body.quantity', message }], { item: a.item, free, total, resourceId: res.id });
  }

  async function audit(tx: Queryable, actor: Actor, action: string, a: repo.AssignmentRecord, detail: Record<string, unknown>) {
    await deps.audit?.append(tx, {
      actor: actor.username,
      role: actor.role,
      action,
      target: `assignment:${a.id}`,
      ip: actor.ip ?? null,
      detail: { ...detail, exercise: a.exercise, target: a.target, resource: a.resourceId },
    });
  }

  async function publish(recs: repo.AssignmentRecord[]): Promise<Assignment[]> {
    const items = await full(deps.db, recs);
    deps.sink.publish('dispatch', items);
    return items;
  }

  return {
    /** Assigns a resource to a target; a drill's target assigns from the drill's own ledger. */
    async assign(input: AssignInput, actor: Actor): Promise<Assignment> {
      const res = resources.get(input.resourceId);
      if (!res) throw unprocessable('body.resourceId', `no resource ${input.resourceId} in the city pack`);
      const kind = assignmentKindOf(res.type);
      if (kind === 'material' && !input.material) throw unprocessable('body.material', `a warehouse assignment names the material`);
      if (kind !== 'material' && input.material) throw unprocessable('body.material', `${res.type} ${res.id} issues no material`);
      const item = ledgerItem(kind, input.material);
      if (ledgerTotal(res, item) === null) throw unprocessable(kind === 'material' ? 'body.material' : 'body.resourceId', `${res.name} holds no ${item}`);
      const quantity = input.quantity ?? (kind === 'shelter' ? 0 : undefined);
      if (quantity === undefined || (kind !== 'shelter' && quantity < 1)) throw unprocessable('body.quantity', `assigning ${item} needs a quantity of at least 1`);
      const rec = await deps.db.transaction(async (tx) => {
        const target = await deps.targets[input.target.kind](tx, input.target.id);
        if (!target || !inDistricts(ownDistricts(actor), target.districts))
          throw new AppError(404, 'not_found', `${input.target.kind} ${input.target.id} not found`, [{ path: 'body.target.id', message: 'no such target' }]);
        const at = now().toISOString();
        const a: repo.AssignmentRecord = {
          id: randomUUID(),
          exercise: target.exercise,
          target: { ...input.target, label: target.label },
          resourceId: res.id,
          district: res.district,
          kind,
          item,
          quantity,
          state: 'assigned',
          createdAt: at,
          createdBy: actor.username,
          updatedAt: at,
          updatedBy: actor.username,
        };
        await take(tx, a, res, quantity);
        await repo.insert(tx, a);
        await repo.appendHistory(tx, a.id, { at, actor: actor.username, state: a.state, quantity, note: input.note ?? null });
        await audit(tx, actor, 'dispatch.assign', a, { after: { kind, item, quantity, state: a.state }, note: input.note ?? null });
        return a;
      });
      return (await publish([rec]))[0]!;
    },

    /** Moves an assignment on (giving back what it held when it ends) and/or changes its quantity. */
    async update(id: string, change: AssignmentUpdate, actor: Actor): Promise<Assignment> {
      const rec = await deps.db.transaction(async (tx) => {
        const a = await repo.get(tx, id, true);
        if (!a || !inDistricts(ownDistricts(actor), [a.district])) throw new AppError(404, 'not_found', `assignment ${id} not found`);
        const res = resources.get(a.resourceId);
        if (!res) throw new AppError(409, 'resource_gone', `resource ${a.resourceId} is no longer in the city pack`);
        const before = { state: a.state, quantity: a.quantity };
        const to = change.state ?? a.state;
        if (change.state !== undefined && !canMove(a.state, change.state))
          throw new AppError(409, 'invalid_transition', `assignment is ${a.state}, it cannot become ${change.state}`, [{ path: 'body.state', message: `not from ${a.state}` }], {
            assignment: (await full(tx, [a]))[0],
          });
        if (change.state === undefined && !isActive(a.state))
          throw new AppError(409, 'invalid_transition', `assignment is ${a.state}`, [{ path: 'body.quantity', message: `assignment is ${a.state}` }]);
        const quantity = change.quantity ?? a.quantity;
        if (a.kind !== 'shelter' && quantity < 1) throw unprocessable('body.quantity', 'quantity must be at least 1');
        const key = { resourceId: a.resourceId, item: a.item, exercise: a.exercise };
        if (quantity > a.quantity) await take(tx, { ...a, quantity }, res, quantity - a.quantity);
        else if (quantity < a.quantity) await ledger.giveBack(tx, key, a.quantity - quantity);
        if (!isActive(to)) await ledger.giveBack(tx, key, quantity);
        const at = now().toISOString();
        Object.assign(a, { state: to, quantity, updatedAt: at, updatedBy: actor.username });
        await repo.update(tx, a);
        await repo.appendHistory(tx, a.id, { at, actor: actor.username, state: to, quantity, note: change.note ?? null });
        await audit(tx, actor, 'dispatch.update', a, { before, after: { state: to, quantity }, note: change.note ?? null });
        return a;
      });
      return (await publish([rec]))[0]!;
    },

    async get(id: string, districts: string[] | null): Promise<Assignment | null> {
      const a = await repo.get(deps.db, id);
      return a && inDistricts(districts, [a.district]) ? (await full(deps.db, [a]))[0]! : null;
    },

    list: async (f: repo.AssignmentFilter) => full(deps.db, await repo.list(deps.db, f)),

    /**
     * Assignments active at some moment of [from, to] or changed within it, for the shift's
     * handover report (值班日报): real ones, or a drill's with `exercise`.
     */
    async activeOrChangedIn(from: Date, to: Date, opts: { exercise?: boolean; districts?: string[] | null } = {}): Promise<Assignment[]> {
      return full(
        deps.db,
        await repo.list(deps.db, { exercise: opts.exercise ?? false, districts: opts.districts ?? null, window: { from: from.toISOString(), to: to.toISOString() }, limit: 10_000 }),
      );
    },

    /** The live snapshot: every active assignment, and those finished in the last 12 hours. */
    async snapshot(districts: string[] | null): Promise<Assignment[]> {
      const t = now();
      return full(deps.db, await repo.list(deps.db, { districts, window: { from: new Date(t.getTime() - 12 * 3_600_000).toISOString(), to: t.toISOString() }, limit: 5_000 }));
    },

    /** What each resource has out in the real or drill ledger. */
    ledger: (exercise: boolean) => ledger.lines(deps.db, exercise),
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
