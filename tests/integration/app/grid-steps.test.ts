import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent } from '../../fixtures/payloads.js';
import type { CaseTimelineEntry, GridCase } from '../../../shared/schemas/index.js';

const H = 3_600_000;
const at = (t0: number, hours: number) => new Date(t0 + hours * H).toISOString();

// Issue 12 #1: send-back (返工), supervision (督办) and re-dispatch (改派) come in through ingest.
describe('grid events with handling steps', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => srv.close());

  const read = async (id: string) => (await (await srv.get(`/api/v1/incidents/${id}`)).json()) as { case: GridCase; timeline: CaseTimelineEntry[] };

  it('stores a whole history in one event, and a re-sent history changes nothing', async () => {
    const t0 = Date.now() - 72 * H;
    const event = gridEvent({
      category: 'road_damage',
      reportedAt: at(t0, 0),
      steps: [
        { action: 'register', at: at(t0, 0.2) },
        { action: 'dispatch', at: at(t0, 0.5), department: 'transport' },
        { action: 'dispatch', at: at(t0, 2), department: 'housing', note: '改派' },
        { action: 'start', at: at(t0, 3) },
        { action: 'supervise', at: at(t0, 75 - 72 + 0.5), note: '督办', dueAt: at(t0, 100) },
        { action: 'feedback', at: at(t0, 10) },
        { action: 'send_back', at: at(t0, 11), note: '返工' },
        { action: 'feedback', at: at(t0, 20) },
        { action: 'close', at: at(t0, 21) },
      ],
    });
    const first = await srv.ingest('/api/v1/ingest/grid-events', [event]);
    expect(first.status).toBe(202);
    const [id] = ((await first.json()) as { ids: string[] }).ids as [string];
    const { case: c, timeline } = await read(id);
    expect(c).toMatchObject({ status: 'closed', department: 'housing', dispatchedAt: at(t0, 2), closedAt: at(t0, 21), version: 1 });
    expect(c.supervised).toMatchObject({ at: at(t0, 3.5), note: '督办', dueAt: at(t0, 100) });
    expect(timeline.map((e) => e.action ?? e.status)).toEqual(['reported', 'register', 'dispatch', 'dispatch', 'start', 'supervise', 'feedback', 'send_back', 'feedback', 'close']);
    expect(timeline.filter((e) => e.action === 'dispatch').map((e) => e.department)).toEqual(['transport', 'housing']);
    expect(timeline.find((e) => e.action === 'send_back')).toMatchObject({ status: 'in_progress', note: '返工' });

    expect((await srv.ingest('/api/v1/ingest/grid-events', [event])).status).toBe(202);
    const again = await read(id);
    expect(again.timeline).toHaveLength(timeline.length);
    expect(again.case.version).toBe(1);
  });

  it('applies only the steps after the last one stored, as a live feed sends them', async () => {
    const t0 = Date.now() - 10 * H;
    const base = gridEvent({ reportedAt: at(t0, 0) });
    const steps = [
      { action: 'register', at: at(t0, 0.1) },
      { action: 'dispatch', at: at(t0, 0.2) },
      { action: 'start', at: at(t0, 0.3) },
      { action: 'feedback', at: at(t0, 1) },
    ];
    const res = await srv.ingest('/api/v1/ingest/grid-events', [{ ...base, steps }]);
    const [id] = ((await res.json()) as { ids: string[] }).ids as [string];
    expect((await srv.ingest('/api/v1/ingest/grid-events', [{ ...base, steps: [{ action: 'send_back', at: at(t0, 2), note: '返工' }] }])).status).toBe(202);
    const { case: c, timeline } = await read(id);
    expect(c).toMatchObject({ status: 'in_progress', version: 2, department: 'urban-management' });
    expect(timeline.at(-1)).toMatchObject({ action: 'send_back', actor: expect.any(String) });
  });

  it('refuses a step the case cannot take, an unknown department, and steps out of order, naming the field', async () => {
    const t0 = Date.now() - 10 * H;
    const illegal = await srv.ingest('/api/v1/ingest/grid-events', [gridEvent({ reportedAt: at(t0, 0), steps: [{ action: 'send_back', at: at(t0, 1) }] })]);
    expect(illegal.status).toBe(409);
    expect(((await illegal.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('0.steps.0.action');
    const unknown = await srv.ingest('/api/v1/ingest/grid-events', [
      gridEvent({
        reportedAt: at(t0, 0),
        steps: [
          { action: 'register', at: at(t0, 1) },
          { action: 'dispatch', at: at(t0, 2), department: 'nobody' },
        ],
      }),
    ]);
    expect(unknown.status).toBe(409);
    expect(((await unknown.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('0.steps.1.department');
    const disorder = await srv.ingest('/api/v1/ingest/grid-events', [
      gridEvent({
        reportedAt: at(t0, 0),
        steps: [
          { action: 'register', at: at(t0, 2) },
          { action: 'dispatch', at: at(t0, 1) },
        ],
      }),
    ]);
    expect(disorder.status).toBe(422);
    expect(await disorder.text()).toContain('steps.1.at');
    const both = await srv.ingest('/api/v1/ingest/grid-events', [gridEvent({ reportedAt: at(t0, 0), status: 'registered', steps: [{ action: 'register', at: at(t0, 1) }] })]);
    expect(both.status).toBe(422);
    const future = await srv.ingest('/api/v1/ingest/grid-events', [gridEvent({ reportedAt: at(t0, 0), steps: [{ action: 'register', at: at(Date.now(), 5) }] })]);
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('steps.0.at');
  });
});
