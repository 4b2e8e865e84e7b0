import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import type { Alert } from '../../../shared/schemas/index.js';
import { alertCounts } from '../../../server/src/domain/kpi/kpi.repository.js';

const NOISE = '441702-noise-03'; // zone 2: 60 dB(A) by day
const WATER = '441702-water-01'; // target class II
/** 10:00 China time: daytime for the noise limits. */
const T0 = Date.parse('2026-11-20T02:00:00Z');
const HOUR = 3600_000;

describe('environment breaches: one notice per station and episode, only when significant or sustained', () => {
  let srv: TestServer;
  let clock = T0;
  const at = (h: number) => new Date(T0 + h * HOUR).toISOString();
  const send = async (readings: { kind: string; stationId: string; h: number; values: Record<string, number>; exercise?: boolean }[]) => {
    clock = Math.max(clock, ...readings.map((r) => T0 + r.h * HOUR + 60_000));
    const res = await srv.ingest(
      '/api/v1/ingest/observations',
      readings.map(({ h, ...r }) => ({ ...r, observedAt: at(h) })),
    );
    expect(res.status).toBe(202);
  };
  const noise = (h: number, leq: number, exercise?: boolean) => ({ kind: 'noise', stationId: NOISE, h, values: { leq }, exercise });
  const water = (h: number, dissolvedO2: number) => ({ kind: 'water', stationId: WATER, h, values: { do: dissolvedO2, nh3n: 0.1 } });
  const notices = async (exercise = false) => {
    const states = 'active,acknowledged,cancelled,expired';
    const { items } = (await (await srv.get(`/api/v1/alerts?state=${states}&exercise=${exercise}`)).json()) as { items: Alert[] };
    return items.filter((a) => a.kind === 'notice');
  };

  beforeAll(async () => {
    srv = await startTestServer({ now: () => new Date(clock) });
  });
  afterAll(async () => srv.close());
  beforeEach(async () => {
    clock = T0;
    await srv.db.query('delete from alert_messages');
    await srv.db.query('delete from alerts');
    await srv.db.query('delete from observations');
  });

  it('raises nothing for 0.2 dB over during one hour, then one notice once it lasts 3 hourly readings, updated, ended on recovery', async () => {
    await send([noise(0, 60.2)]);
    expect(await notices()).toEqual([]);
    await send([noise(1, 60.2)]);
    expect(await notices()).toEqual([]);
    await send([noise(2, 60.4)]);
    const [raised, ...more] = await notices();
    expect(more).toEqual([]);
    expect(raised).toMatchObject({
      kind: 'notice',
      sender: 'city-cockpit/env',
      senderName: '阳江市城市运行平台·环境监测',
      category: 'environment',
      level: 'blue',
      state: 'active',
      exercise: false,
      districts: ['441702'],
    });
    expect(raised!.headline).toContain('限值 60 dB(A)，实测 60.4 dB(A)');

    for (const h of [3, 4, 5, 6]) await send([noise(h, 61 + 2 * h)]);
    const [updated, ...none] = await notices();
    expect(none).toEqual([]);
    expect(updated).toMatchObject({ id: raised!.id, state: 'active', level: 'yellow' });
    expect(updated!.headline).toContain('实测 73.0 dB(A)');

    await send([noise(7, 55)]);
    expect((await notices()).map((a) => [a.id, a.state])).toEqual([[raised!.id, 'cancelled']]);
  });

  it('raises at once for 5 dB or more over the limit', async () => {
    await send([noise(0, 65.5)]);
    expect((await notices()).map((a) => a.level)).toEqual(['blue']);
  });

  it('a water section one class below target for one reading raises nothing; two readings raise one notice naming target and measured class', async () => {
    await send([water(0, 5.5)]);
    expect(await notices()).toEqual([]);
    await send([water(1, 5.4)]);
    const [n] = await notices();
    expect(n!.headline).toContain('目标 II 类，实测 III 类');
    expect(n!.instruction).toEqual(expect.any(String));
  });

  it('a section two classes below its target raises at once', async () => {
    await send([water(0, 4)]);
    expect((await notices())[0]!.headline).toContain('目标 II 类，实测 IV 类');
  });

  it('drill readings raise drill notices only', async () => {
    await send([noise(0, 70, true)]);
    expect(await notices()).toEqual([]);
    const drill = await notices(true);
    expect(drill.map((a) => [a.exercise, a.kind])).toEqual([[true, 'notice']]);
    expect(drill[0]!.headline).toMatch(/^【演练】/);
  });

  it('notices are not counted among the official warnings of the vital signs', async () => {
    await send([noise(0, 70)]);
    const { rows } = await srv.db.query<{ n: number }>("select count(*)::int as n from alerts where kind = 'notice'");
    expect(rows[0]!.n).toBe(1);
    expect(await alertCounts(srv.db)).toEqual([]);
  });
});
