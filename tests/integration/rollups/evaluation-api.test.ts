import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellToParent } from 'h3-js';
import { pgSchema, startTestServer, type TestServer } from '../../helpers/test-server.js';
import { gridEvent, JIANGCHENG } from '../../fixtures/payloads.js';
import type { EvaluationAnswer, HeatmapAnswer, HeatmapTrendAnswer } from '../../../shared/contracts/evaluation.js';

// 10:30 China time on 1 July; the period is the last seven days.
const NOW = new Date('2026-07-01T02:30:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const YANGDONG = { lon: 112.006118, lat: 21.867392 };
const PERIOD = `from=${encodeURIComponent(ago(7 * 24))}&to=${encodeURIComponent(NOW.toISOString())}`;

describe.each(['pglite', 'postgres'] as const)('heatmap and evaluation APIs on %s', (engine) => {
  let srv: TestServer;
  let schema: Awaited<ReturnType<typeof pgSchema>> | undefined;
  beforeAll(async () => {
    schema = engine === 'postgres' ? await pgSchema() : undefined;
    srv = await startTestServer({ now: () => NOW, databaseUrl: schema?.url });
    const cases = [
      // 江城区, one cell: two reports, one closed on time (dispatched, fed back, closed within hours).
      gridEvent({ reportedAt: ago(50), location: JIANGCHENG }),
      gridEvent({ reportedAt: ago(48), location: JIANGCHENG, status: 'feedback', statusAt: ago(47) }),
      gridEvent({ reportedAt: ago(30), location: YANGDONG, source: 'hotline' }),
      // Outside the period (同比 / 环比 figures) and a drill case: neither is in the period's figures.
      gridEvent({ reportedAt: ago(10 * 24), location: JIANGCHENG }),
      gridEvent({ reportedAt: ago(20), location: JIANGCHENG, exercise: true }),
    ];
    expect((await srv.ingest('/api/v1/ingest/grid-events', cases)).status).toBe(202);
    const closing = { ...cases[1]!, status: 'closed', statusAt: ago(46) };
    expect((await srv.ingest('/api/v1/ingest/grid-events', [closing])).status).toBe(202);
  });
  afterAll(async () => {
    await srv.close();
    await schema?.drop();
  });

  async function json<T>(path: string, user: 'leader' | 'grid' = 'leader'): Promise<T> {
    const res = await srv.get(path, user);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  }

  it('maps case counts per unit-grid cell, with the previous period, and merges cells at coarser resolutions', async () => {
    const map = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}`);
    expect(map.resolution).toBe(10);
    expect(map.cells.reduce((s, c) => s + c.count, 0)).toBe(3);
    const home = map.cells.find((c) => c.count === 2)!;
    expect(home).toMatchObject({ value: 2, lastYear: null });
    // The report ten days ago lies in the previous seven days (环比).
    expect(home.previous).toBe(1);
    expect(map.previousTo).toBe(ago(7 * 24));
    const coarse = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}&resolution=7`);
    expect(coarse.cells.find((c) => c.cell === cellToParent(home.cell, 7))!.count).toBeGreaterThanOrEqual(2);
    const closure = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}&metric=closureRate`);
    expect(closure.cells.find((c) => c.cell === home.cell)!.value).toBe(1); // one registered, one closed
    const hotline = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}&metric=hotline&district=441704`);
    expect(hotline.cells.map((c) => c.value)).toEqual([1]);
  });

  it('reads a period still running up to now, so 环比 and 同比 compare as many days', async () => {
    const future = new Date(NOW.getTime() + 23 * 86_400_000).toISOString();
    const map = await json<HeatmapAnswer>(`/api/v1/heatmap?from=${encodeURIComponent(ago(7 * 24))}&to=${encodeURIComponent(future)}`);
    expect(map.to).toBe(NOW.toISOString());
    expect(map.previousFrom).toBe(ago(14 * 24));
    expect(map.cells.find((c) => c.count === 2)!.previous).toBe(1);
  });

  it('shows a grid user only its districts, and refuses it others', async () => {
    const map = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}`, 'grid');
    expect(map.cells.reduce((s, c) => s + c.count, 0)).toBe(2);
    expect((await srv.get(`/api/v1/heatmap?${PERIOD}&district=441704`, 'grid')).status).toBe(403);
    const byDistrict = await json<EvaluationAnswer>(`/api/v1/evaluation?${PERIOD}&by=district`, 'grid');
    expect(byDistrict.rows.map((r) => r.key)).toEqual(['441702']);
  });

  it('gives a cell its trend per local day', async () => {
    const map = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}`);
    const home = map.cells.find((c) => c.count === 2)!;
    const trend = await json<HeatmapTrendAnswer>(`/api/v1/heatmap/cells/${home.cell}/trend?${PERIOD}`);
    expect(trend.points).toHaveLength(8); // 24 June 10:30 to 1 July 10:30 local touches eight days
    expect(trend.points.filter((p) => p.value).map((p) => [p.day, p.value])).toEqual([['2026-06-29', 2]]);
  });

  it('lists the cases inside a heatmap cell', async () => {
    const map = await json<HeatmapAnswer>(`/api/v1/heatmap?${PERIOD}&resolution=8`);
    const home = map.cells.find((c) => c.count === 2)!;
    const list = await json<{ items: { district: string }[] }>(`/api/v1/incidents?cell=${home.cell}&${PERIOD}`);
    expect(list.items).toHaveLength(2);
    const res = await srv.get('/api/v1/incidents?cell=nonsense');
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('cell');
  });

  it('evaluates by department with a score, a rank and the CSV of the same rows', async () => {
    const answer = await json<EvaluationAnswer>(`/api/v1/evaluation?${PERIOD}&by=district`);
    const jiangcheng = answer.rows.find((r) => r.key === '441702')!;
    expect(jiangcheng).toMatchObject({ name: '江城区', indicators: { reported: 2, registered: 1, dispatched: 1, closed: 1, closureRate: 1, onTimeClosureRate: 1 } });
    expect(jiangcheng.previous).toMatchObject({ reported: 1 });
    expect(answer.rows[0]!.rank).toBe(1);
    const byDept = await json<EvaluationAnswer>(`/api/v1/evaluation?${PERIOD}&by=department`);
    expect(byDept.rows.length).toBeGreaterThan(0);
    const csv = await srv.get(`/api/v1/evaluation.csv?${PERIOD}&by=department`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets need for UTF-8
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('排名,分组,名称,上报数')).toBe(true);
    expect(lines[1]!.startsWith('Rank,Key,Name,Reported')).toBe(true);
    expect(lines.slice(2).map((l) => l.split(',')[1])).toEqual(byDept.rows.map((r) => r.key));
  });

  it('refuses bad parameters with 422 naming the field', async () => {
    for (const [query, field] of [
      ['metric=heat', 'query.metric'],
      ['resolution=11', 'query.resolution'],
      [`from=${encodeURIComponent(NOW.toISOString())}&to=${encodeURIComponent(ago(1))}`, 'query.from'],
      ['category=nope', 'query.category'],
      ['by=street', 'query.by'],
    ]) {
      const res = await srv.get(`/api/v1/${field === 'query.by' ? 'evaluation' : 'heatmap'}?${query}`);
      expect(res.status, query).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    expect((await srv.get('/api/v1/heatmap/cells/xyz/trend')).status).toBe(422);
  });
});
