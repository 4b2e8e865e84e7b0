import { readFileSync } from 'node:fs';
import { cellToParent, getResolution } from 'h3-js';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { EvaluationAnswer, HeatmapAnswer } from '../../shared/contracts/evaluation.js';
import type { GridCase } from '../../shared/schemas/grid-event.js';
import { postIngest } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

const base = inject('aliveUrl');
const suite = browserSuite();
const JIANGCHENG = '441702';

/** Signs in as `user` from `/`, where the role lands (`lands`). */
async function signIn(page: Page, user: string, lands: string): Promise<void> {
  await signInAt(page, base, '/', user);
  await page.waitForURL((u) => u.pathname === lands, { timeout: 15_000 });
}

/** A token for asking the API directly (what another role would be answered). */
async function tokenOf(user: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}

const heatmapAnswer = (page: Page, metric: string) =>
  page.waitForResponse((r) => r.url().includes('/api/v1/heatmap?') && new URL(r.url()).searchParams.get('metric') === metric && r.ok(), { timeout: 30_000 });

describe('the grid workspace (/grid)', () => {
  it('a grid user lands on its district’s heatmap; the metric picker recolours it; a cell opens its cases and a case the drawer', async () => {
    const { page } = await suite.context({ width: 1920, height: 1080 });
    const first = heatmapAnswer(page, 'count');
    await signIn(page, 'grid', '/grid');
    const answer = (await (await first).json()) as HeatmapAnswer;

    // Only its district: every cell it is shown is one of 江城区's cells as a duty officer reads them
    // (asked afterwards, so a case arriving meanwhile only adds), while the whole city has others;
    // and asking for another district is refused.
    const heat = async (user: string, params: Record<string, string>) =>
      fetch(`${base}/api/v1/heatmap?${new URLSearchParams({ from: answer.from, to: answer.to, metric: 'count', resolution: String(answer.resolution), ...params })}`, {
        headers: { authorization: `Bearer ${await tokenOf(user)}` },
      });
    const jiangcheng = new Set(((await (await heat('duty', { district: JIANGCHENG })).json()) as HeatmapAnswer).cells.map((c) => c.cell));
    expect(answer.cells.length).toBeGreaterThan(0);
    expect(answer.cells.filter((c) => !jiangcheng.has(c.cell)).map((c) => c.cell)).toEqual([]);
    const all = (await (await heat('duty', {})).json()) as HeatmapAnswer;
    expect(all.cells.filter((c) => !jiangcheng.has(c.cell)).length).toBeGreaterThan(0);
    expect((await heat('grid', { district: '441704' })).status).toBe(403);
    // The page names its scope, and offers no other district.
    expect(await page.locator('[data-testid="grid-scope"]').innerText()).toContain('江城区');
    expect(await page.locator('[data-testid="district"]').count()).toBe(0);

    // The metric picker changes what the map draws, and lands in the address.
    const map = page.locator('[data-testid="cell-map"]');
    await expect.poll(() => map.getAttribute('data-cells'), { timeout: 15_000 }).not.toBe('0');
    const countFills = await map.getAttribute('data-fills');
    const countLegend = await page.locator('[data-testid="cell-legend"]').innerText();
    const rates = heatmapAnswer(page, 'onTimeClosureRate');
    await page.locator('[data-testid="metric"]').selectOption('onTimeClosureRate');
    await rates;
    await page.waitForURL((u) => u.searchParams.get('metric') === 'onTimeClosureRate');
    await expect.poll(() => map.getAttribute('data-metric')).toBe('onTimeClosureRate');
    await expect.poll(() => map.getAttribute('data-fills')).not.toBe(countFills);
    const rateLegend = await page.locator('[data-testid="cell-legend"]').innerText();
    expect(rateLegend).not.toBe(countLegend);
    expect(rateLegend).toContain('%');

    // Back to counts: the worst cell of the ranking opens its trend and the cases inside it.
    await page.goBack();
    await expect.poll(() => map.getAttribute('data-metric')).toBe('count');
    const worst = page.locator('[data-list="worst"] [data-testid="ranking-row"]').first();
    await worst.waitFor({ timeout: 15_000 });
    // The ranking may still be re-drawn from the count answer as we click, so the cell is read
    // from where the click led, not from the row before it.
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/incidents?') && new URL(r.url()).searchParams.has('cell'), { timeout: 15_000 });
    await worst.click();
    await page.waitForURL((u) => u.searchParams.has('cell'));
    const cell = new URL(page.url()).searchParams.get('cell')!;
    const answered = await listed;
    expect(new URL(answered.url()).searchParams.get('cell')).toBe(cell);
    const cases = ((await answered.json()) as { items: GridCase[] }).items;
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(cellToParent(c.gridCell!, getResolution(cell))).toBe(cell);
    await expect.poll(() => page.locator('[data-testid="cell-case"]').count()).toBe(cases.length);
    await expect.poll(() => page.locator('[data-testid="cell-trend"]').getAttribute('data-points')).not.toBe('0');

    // A case opens the desk's drawer over the page, its id in the address.
    const item = page.locator('[data-testid="cell-case"]').first();
    const id = (await item.getAttribute('data-id'))!;
    await item.click();
    await page.waitForURL((u) => u.searchParams.get('case') === id);
    const drawer = page.locator('[data-testid="case-drawer"]');
    await expect.poll(() => drawer.locator('h2').innerText(), { timeout: 15_000 }).toBe(cases[0]!.title);
    await page.locator('[data-testid="drawer-close"]').click();
    await page.waitForURL((u) => !u.searchParams.has('case'));
  });

  it('ranks departments in the evaluation, its CSV holds the same ranking, and the monthly report prints it', async () => {
    const { page } = await suite.context({ width: 1920, height: 1080 });
    await signIn(page, 'leader', '/screen');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/evaluation?') && r.ok(), { timeout: 30_000 });
    await page.goto(`${base}/grid?tab=evaluation&period=${encodeURIComponent(new Date().toISOString().slice(0, 4))}`);
    const answer = (await (await answered).json()) as EvaluationAnswer;
    expect(answer.by).toBe('department');
    expect(answer.rows.length).toBeGreaterThan(1);

    const rows = page.locator('[data-testid="evaluation-row"]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(answer.rows.length);
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ rank: Number(tr.getAttribute('data-rank')), key: tr.getAttribute('data-key')!, score: Number(tr.querySelector('.score')!.textContent) })),
    );
    // Ranked: ranks rise from 1 down the table as the scores fall.
    expect(table[0]!.rank).toBe(1);
    for (let i = 1; i < table.length; i++) {
      expect(table[i]!.rank).toBeGreaterThanOrEqual(table[i - 1]!.rank);
      expect(table[i]!.score).toBeLessThanOrEqual(table[i - 1]!.score);
    }

    // The CSV: two header lines (zh-CN, English), then the same departments in the same order and rank.
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="evaluation-csv"]').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.replace('\uFEFF', '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('按期结案率');
    expect(lines[1]).toContain('On-time closure rate');
    // The live city keeps reporting between the table's answer and the download, so two close
    // scores may swap: the same departments, each with its score, ranked by the CSV's own scores.
    const fromCsv = lines.slice(2).map((l) => l.split(','));
    expect(fromCsv.map((f) => f[1]).sort()).toEqual(table.map((r) => r.key).sort());
    for (const f of fromCsv) expect(Math.abs(Number(f.at(-1)) - table.find((r) => r.key === f[1])!.score)).toBeLessThanOrEqual(1);
    expect(Number(fromCsv[0]![0])).toBe(1);
    for (let i = 1; i < fromCsv.length; i++) {
      expect(Number(fromCsv[i]![0])).toBeGreaterThanOrEqual(Number(fromCsv[i - 1]![0]));
      expect(Number(fromCsv[i]!.at(-1))).toBeLessThanOrEqual(Number(fromCsv[i - 1]!.at(-1)));
    }

    // The printable report: the official title, the same ranking, page numbers in its print style.
    await page.locator('[data-testid="evaluation-print"]').click();
    await page.waitForURL((u) => u.pathname === '/grid/report');
    const report = page.locator('[data-testid="report"]');
    await expect.poll(() => page.locator('[data-testid="report-row"]').count(), { timeout: 15_000 }).toBe(answer.rows.length);
    expect(await report.locator('h1').innerText()).toBe('阳江市数字化城市管理月度综合评价通报');
    const pageRule = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').find((t) => t.includes('@page')) ?? '');
    expect(pageRule).toContain('size: A4');
    expect(pageRule).toContain('counter(page)');
  });

  it('shows drill data apart, framed as a drill, with the real/drill switch in the address', async () => {
    // A drill case in 江城区: only the drill view counts it, and its cell lists it.
    const title = `演练井盖 ${Date.now()}`;
    await postIngest(base, 'grid-events', [
      {
        sourceId: `e2e-drill-${Date.now()}`,
        source: 'inspector',
        category: 'manhole_cover',
        title,
        location: { lon: 111.9826, lat: 21.8597 },
        reportedAt: new Date(Date.now() - 3_600_000).toISOString(),
        exercise: true,
      },
    ]);

    const { page } = await suite.context({ width: 1920, height: 1080 });
    await signIn(page, 'grid', '/grid');
    const drilled = page.waitForResponse((r) => r.url().includes('/api/v1/heatmap?') && new URL(r.url()).searchParams.get('exercise') === 'true' && r.ok(), { timeout: 30_000 });
    await page.locator('[data-testid="mode-drill"]').click();
    await page.waitForURL((u) => u.searchParams.get('drill') === '1');
    const drill = (await (await drilled).json()) as HeatmapAnswer;
    expect(drill.cells.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(1);
    const root = page.locator('.grid-page');
    expect(await root.getAttribute('data-mode')).toBe('drill');
    expect(await root.getAttribute('class')).toContain('drill-frame');
    expect(await page.locator('[data-testid="drill-tag"]').isVisible()).toBe(true);

    // The drill's cell lists the drill case, read from the drill partition.
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/incidents?') && new URL(r.url()).searchParams.get('exercise') === 'true', { timeout: 15_000 });
    await page.locator('[data-list="worst"] [data-testid="ranking-row"]').first().click();
    const cases = (await (await listed).json()) as { items: GridCase[] };
    expect(cases.items.some((c) => c.title === title)).toBe(true);

    // Back to real data: no exercise flag asked, and no frame.
    const real = page.waitForResponse((r) => r.url().includes('/api/v1/heatmap?') && !new URL(r.url()).searchParams.has('exercise') && r.ok(), { timeout: 30_000 });
    await page.locator('[data-testid="mode-real"]').click();
    await page.waitForURL((u) => !u.searchParams.has('drill') && !u.searchParams.has('cell'));
    expect(((await (await real).json()) as HeatmapAnswer).cells.length).toBeGreaterThan(0);
    expect(await root.getAttribute('class')).not.toContain('drill-frame');
    expect(await page.locator('[data-testid="drill-tag"]').count()).toBe(0);
  });
});
