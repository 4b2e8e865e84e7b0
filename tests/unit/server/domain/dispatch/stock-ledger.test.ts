import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../server/src/store/db.js';
import { useTestDb } from '../../../../helpers/test-db.js';
import { pgSchema } from '../../../../helpers/test-server.js';
import { createDispatchService } from '../../../../../server/src/domain/dispatch/dispatch.service.js';
import type { DispatchTarget } from '../../../../../server/src/domain/dispatch/dispatch-targets.js';
import type { Resource } from '../../../../../shared/schemas/city-pack.js';
import type { Assignment } from '../../../../../shared/schemas/dispatch.js';
import type { Actor } from '../../../../../server/src/domain/ports.js';
import { AppError } from '../../../../../server/src/errors.js';

const WAREHOUSE: Resource = { id: 'wh', type: 'warehouse', name: '应急物资储备库', location: { lon: 111.95, lat: 21.88 }, district: '441702', materials: { sandbags: 100, tents: 3 } };
const TEAM: Resource = { id: 'team', type: 'rescue_team', name: '综合应急救援支队', location: { lon: 111.97, lat: 21.86 }, district: '441702', capacity: 30 };
const SHELTER: Resource = { id: 'sh', type: 'shelter', name: '体育馆避护场所', location: { lon: 111.86, lat: 21.64 }, district: '441702', capacity: 500 };
const DUTY: Actor = { username: 'duty', role: 'duty', districts: null };

/** Targets a test names: `real-…` is real data, `drill-…` a drill's. */
const target = async (_q: unknown, id: string): Promise<DispatchTarget | null> => ({ exercise: id.startsWith('drill'), districts: ['441702'], label: id });

function ledgerTests(getDb: () => Db) {
  const service = () => {
    const pushed: Assignment[] = [];
    const s = createDispatchService({
      db: getDb(),
      resources: [WAREHOUSE, TEAM, SHELTER],
      targets: { alert: target, case: target, plan_step: target },
      sink: { publish: (_t, items) => void pushed.push(...(items as Assignment[])) },
    });
    return Object.assign(s, { pushed });
  };
  const sandbags = (s: ReturnType<typeof service>, quantity: number, id = 'real-case') => s.assign({ target: { kind: 'case', id }, resourceId: 'wh', material: 'sandbags', quantity }, DUTY);
  const free = async (s: ReturnType<typeof service>, exercise = false) => {
    const line = (await s.ledger(exercise)).find((l) => l.resourceId === 'wh' && l.item === 'sandbags');
    return 100 - (line?.committed ?? 0);
  };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as AppError,
    );

  it('decrements the stock on assignment and returns it when done or cancelled', async () => {
    const s = service();
    const a = await sandbags(s, 60);
    const b = await sandbags(s, 30);
    expect(await free(s)).toBe(10);
    await s.update(a.id, { state: 'done' }, DUTY);
    expect(await free(s)).toBe(70);
    await s.update(b.id, { state: 'cancelled' }, DUTY);
    expect(await free(s)).toBe(100);
    expect(s.pushed.map((x) => x.state)).toEqual(['assigned', 'assigned', 'done', 'cancelled']);
  });

  it('never lets the stock go below zero: a shortfall is a 409 naming the item and what is free', async () => {
    const s = service();
    await sandbags(s, 95);
    const err = await refusal(sandbags(s, 6));
    expect(err).toMatchObject({ status: 409, code: 'insufficient_stock', extra: { item: 'sandbags', free: 5 } });
    expect(err!.message).toContain('sandbags');
    expect(await free(s)).toBe(5);
    expect(await refusal(s.assign({ target: { kind: 'case', id: 'real-x' }, resourceId: 'wh', material: 'tents', quantity: 4 }, DUTY))).toMatchObject({
      status: 409,
      extra: { item: 'tents', free: 3 },
    });
  });

  it('gives back the difference when a quantity is lowered and takes more only when it is free', async () => {
    const s = service();
    const a = await sandbags(s, 50);
    await s.update(a.id, { quantity: 20 }, DUTY);
    expect(await free(s)).toBe(80);
    expect(await refusal(s.update(a.id, { quantity: 101 }, DUTY))).toMatchObject({ status: 409, code: 'insufficient_stock' });
    await s.update(a.id, { quantity: 100 }, DUTY);
    expect(await free(s)).toBe(0);
  });

  it('keeps a drill on its own ledger: drill assignments never change the real stock', async () => {
    const s = service();
    await sandbags(s, 40);
    const drill = await sandbags(s, 100, 'drill-case');
    expect(drill.exercise).toBe(true);
    expect(await free(s)).toBe(60);
    expect(await free(s, true)).toBe(0);
    await s.update(drill.id, { state: 'done' }, DUTY);
    expect(await free(s)).toBe(60);
    expect(await free(s, true)).toBe(100);
  });

  it('lets only one of two officers racing for the last stock win', async () => {
    const s = service();
    await sandbags(s, 90);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => sandbags(s, 10)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await free(s)).toBe(0);
  });

  it('counts people of a team and occupancy of a shelter, each within its capacity', async () => {
    const s = service();
    const team = await s.assign({ target: { kind: 'alert', id: 'real-alert' }, resourceId: 'team', quantity: 20 }, DUTY);
    expect(team).toMatchObject({ kind: 'team', item: 'people', quantity: 20 });
    expect(await refusal(s.assign({ target: { kind: 'alert', id: 'real-alert' }, resourceId: 'team', quantity: 11 }, DUTY))).toMatchObject({ status: 409, extra: { item: 'people', free: 10 } });
    const shelter = await s.assign({ target: { kind: 'alert', id: 'real-alert' }, resourceId: 'sh' }, DUTY);
    expect(shelter).toMatchObject({ kind: 'shelter', item: 'occupancy', quantity: 0 });
    await s.update(shelter.id, { quantity: 480 }, DUTY);
    expect(await refusal(s.update(shelter.id, { quantity: 501 }, DUTY))).toMatchObject({ status: 409, extra: { item: 'occupancy', free: 20 } });
    expect(await refusal(s.assign({ target: { kind: 'alert', id: 'real-alert' }, resourceId: 'team', material: 'sandbags', quantity: 1 }, DUTY))).toMatchObject({
      status: 422,
      issues: [{ path: 'body.material' }],
    });
  });

  it('moves forward only, keeps who and when, and refuses a change to a finished assignment', async () => {
    const s = service();
    const a = await sandbags(s, 10);
    await s.update(a.id, { state: 'en_route' }, { ...DUTY, username: 'duty2' });
    const onScene = await s.update(a.id, { state: 'on_scene', note: '已到达' }, DUTY);
    expect(onScene.history.map((h) => [h.state, h.actor, h.note])).toEqual([
      ['assigned', 'duty', null],
      ['en_route', 'duty2', null],
      ['on_scene', 'duty', '已到达'],
    ]);
    expect(await refusal(s.update(a.id, { state: 'assigned' }, DUTY))).toMatchObject({ status: 409, code: 'invalid_transition', issues: [{ path: 'body.state' }] });
    await s.update(a.id, { state: 'done' }, DUTY);
    expect(await refusal(s.update(a.id, { state: 'cancelled' }, DUTY))).toMatchObject({ status: 409 });
    expect(await free(s)).toBe(100);
  });

  it('lists the assignments active or changed in a time window (the handover report)', async () => {
    const s = service();
    const before = new Date(Date.now() - 1000);
    const a = await sandbags(s, 10);
    await s.update(a.id, { state: 'done' }, DUTY);
    const b = await sandbags(s, 5);
    expect((await s.activeOrChangedIn(before, new Date(Date.now() + 1000))).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const later = new Date(Date.now() + 60_000);
    expect((await s.activeOrChangedIn(later, new Date(later.getTime() + 1000))).map((x) => x.id)).toEqual([b.id]);
    expect(await s.activeOrChangedIn(before, new Date(), { exercise: true })).toEqual([]);
  });
}

describe('stock ledger (PGlite)', () => {
  ledgerTests(useTestDb());
});

describe('stock ledger (PostgreSQL)', () => {
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = await pgSchema();
  });
  afterAll(() => schema?.drop());
  ledgerTests(useTestDb({ databaseUrl: () => schema!.url }));
});
