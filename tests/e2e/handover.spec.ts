import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertJson, gridEvent } from '../fixtures/payloads.js';
import { startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

/**
 * 值班值守 end to end on a quiet demo server (its generated roster puts `duty` on the day shift
 * and `duty2` on the night shift): the desk header shows who is on duty, the outgoing officer's
 * handover report lists the shift's alerts and cases, and the other officer signs it off.
 */
const suite = browserSuite();
let srv: ServerProcess;
const tag = Date.now().toString(36);

beforeAll(async () => {
  srv = await startServer({ simulate: false });
});
afterAll(async () => {
  await srv?.stop();
});

const signIn = (page: Page, user: string, path: string) => signInAt(page, srv.url, path, user);

describe('shift handover (交接班)', () => {
  it('shows the outgoing officer the live draft: the shift’s alerts and cases arrive in it before submission, the note survives a reload, submitting freezes it', async () => {
    const page = (await suite.context()).page;
    await signIn(page, 'duty', '/desk?view=handover');
    const officers = page.locator('[data-testid="on-duty-officers"]');
    await officers.waitFor({ timeout: 15_000 });
    const outgoing = (await officers.innerText()).includes('duty2') ? 'duty2' : 'duty';
    if (outgoing !== 'duty') {
      await page.evaluate(() => localStorage.clear());
      await signIn(page, outgoing, '/desk?view=handover');
    }
    const workspace = page.locator('[data-testid="handover-workspace"]');
    await workspace.locator('[data-table="alerts.alerts"]').waitFor({ timeout: 15_000 });
    const note = `草稿说明 ${tag}`;
    await page.locator('[data-testid="handover-note"]').fill(note);

    // Alerts and cases of the shift reach the open draft by themselves (no refresh clicked).
    const headline = `草稿实时 暴雨橙色预警 ${tag}`;
    const caseTitle = `草稿实时 路灯损坏 ${tag}`;
    await srv.ingest('alerts', alertJson({ level: 'orange', headline }));
    await srv.ingest('grid-events', gridEvent({ title: caseTitle }));
    await expect.poll(() => workspace.locator('[data-table="alerts.alerts"]').innerText(), { timeout: 20_000 }).toContain(headline);
    await expect.poll(() => workspace.locator('[data-table="cases.cases"]').innerText(), { timeout: 20_000 }).toContain(caseTitle);
    expect(await workspace.locator('[data-testid="report-state"]').count()).toBe(0);
    expect(await page.locator('[data-testid="handover-note"]').inputValue()).toBe(note);

    await page.reload();
    await workspace.locator('[data-table="alerts.alerts"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="handover-note"]').inputValue()).toBe(note);

    await page.locator('[data-testid="handover-submit"]').click();
    await expect.poll(() => page.locator('[data-testid="report-state"]').innerText(), { timeout: 15_000 }).toBe('待签收');
    expect(await page.locator('[data-testid="report-note"]').innerText()).toContain(note);
    // Submitted, it stays as it was: a later alert is not in the filed report.
    const later = `提交后 预警 ${tag}`;
    await srv.ingest('alerts', alertJson({ level: 'yellow', headline: later }));
    await page.waitForTimeout(3000);
    expect(await workspace.locator('[data-table="alerts.alerts"]').innerText()).not.toContain(later);
    expect(await workspace.locator('[data-table="alerts.alerts"]').innerText()).toContain(headline);
  });

  it('shows who is on duty, lists the shift’s alerts and cases in the report, and has it signed off by the next officer', async () => {
    const headline = `阳江市气象台发布暴雨红色预警信号 ${tag}`;
    const caseTitle = `交接班测试 井盖缺失 ${tag}`;
    await srv.ingest('alerts', alertJson({ level: 'red', headline }));
    await srv.ingest('grid-events', gridEvent({ title: caseTitle }));

    const out = (await suite.context()).page;
    await signIn(out, 'duty', '/desk?view=handover');
    const officers = out.locator('[data-testid="on-duty-officers"]');
    await officers.waitFor({ timeout: 15_000 });
    const onDuty = await officers.innerText();
    // Whoever of the two demo officers is on this shift hands over; the other takes over.
    const outgoing = onDuty.includes('duty2') ? 'duty2' : 'duty';
    const incoming = outgoing === 'duty' ? 'duty2' : 'duty';
    expect(onDuty).toContain(outgoing);
    expect(await out.locator('[data-testid="on-duty-until"]').innerText()).toMatch(/\d{2}-\d{2} \d{2}:\d{2} 交班/);
    if (outgoing !== 'duty') {
      await out.context().clearCookies();
      await out.evaluate(() => localStorage.clear());
      await signIn(out, outgoing, '/desk?view=handover');
    }

    const workspace = out.locator('[data-testid="handover-workspace"]');
    const alerts = workspace.locator('[data-table="alerts.alerts"]');
    await expect.poll(() => alerts.innerText(), { timeout: 15_000 }).toContain(headline);
    expect(await alerts.innerText()).toContain('红色');
    expect(await workspace.locator('[data-table="cases.cases"]').innerText()).toContain(caseTitle);
    expect(await workspace.locator('[data-table="openItems.openItems"]').innerText()).toContain(headline);

    const note = `红色预警未确认，请接班后立即处置 ${tag}`;
    await out.locator('[data-testid="handover-note"]').fill(note);
    await out.locator('[data-testid="handover-submit"]').click();
    await expect.poll(() => out.locator('[data-testid="report-state"]').innerText(), { timeout: 15_000 }).toBe('待签收');
    expect(await out.locator('[data-testid="report-note"]').innerText()).toContain(note);
    // The one who handed over does not sign its own report.
    expect(await out.locator('[data-testid="sign-form"]').count()).toBe(0);

    const next = (await suite.context()).page;
    await signIn(next, incoming, '/desk?view=handover');
    const listed = next.locator('[data-report]').first();
    await listed.waitFor({ timeout: 15_000 });
    await listed.locator('button').click();
    await next.locator('[data-testid="sign-comment"]').fill('已接班');
    await next.locator('[data-testid="sign-submit"]').click();
    await expect.poll(() => next.locator('[data-testid="report-state"]').innerText(), { timeout: 15_000 }).toBe('已签收');
    expect(await next.locator('[data-testid="report-signed"]').innerText()).toContain(incoming);
    expect(await next.locator('[data-table="alerts.alerts"]').innerText()).toContain(headline);

    // The filed document: the centre's masthead, the shift's alert, both signatures.
    const id = await listed.getAttribute('data-report');
    await next.goto(`${srv.url}/desk/handover/${id}`);
    const paper = next.locator('[data-testid="handover-report"]');
    await paper.locator('[data-testid="print-signatures"]').waitFor({ timeout: 15_000 });
    const text = await paper.innerText();
    expect(text).toContain('阳江市城市运行管理中心');
    expect(text).toContain('值班日报 / 交接班记录');
    expect(text).toContain(headline);
    const signatures = await paper.locator('[data-testid="print-signatures"]').innerText();
    expect(signatures).toContain(outgoing);
    expect(signatures).toContain(incoming);
  });

  it('lets a leader, who has no desk, open a submitted report’s print page from the shift reports page', async () => {
    const leader = (await suite.context()).page;
    await signIn(leader, 'leader', '/screen');
    await leader.locator('[data-testid="page-menu-open"]').click(); // the wall folds its page menu
    await leader.locator('[data-page="/handover"]').click();
    const row = leader.locator('[data-testid="handover-list"] [data-report]').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('已签收');
    await row.locator('[data-testid="handover-open"]').click();
    const paper = leader.locator('[data-testid="handover-report"]');
    await paper.locator('[data-testid="print-signatures"]').waitFor({ timeout: 15_000 });
    expect(new URL(leader.url()).pathname).toMatch(/^\/handover\/[\w-]+$/);
    expect(await paper.innerText()).toContain('值班日报 / 交接班记录');
    expect(await leader.locator('.tools a').innerText()).toContain('返回值班日报');
    // The desk stays closed to the leader.
    await leader.goto(`${srv.url}/desk`);
    await leader.waitForURL((u) => u.pathname === '/screen', { timeout: 15_000 });
  });
});
