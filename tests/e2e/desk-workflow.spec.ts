import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIANGCHENG, YANGCHUN, alertJson, capXml, gridEvent } from '../fixtures/payloads.js';
import { openScreen, screenPath, STILL } from './setup/screen.js';
import { INGEST_KEY, startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';
import { signInAt } from './setup/sign-in.js';

/**
 * The duty officer's desk end to end, on one quiet server the tests feed: a case from Open311
 * to its closing through the UI only, an alert acknowledged and its CAP Ack downloaded, an
 * unacknowledged red alert escalating on the desk and on the leaders' wall, a grid user's
 * districts, and two officers acting on one case.
 */
const suite = browserSuite();
let srv: ServerProcess;
let n = 0;
const uniq = (what: string) => `e2e-${what}-${Date.now().toString(36)}-${n++}`;
/** CAP wants seconds and an offset; a Cancel or an Ack names the message by exactly this. */
const capSent = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

beforeAll(async () => {
  srv = await startServer({ simulate: false });
});
afterAll(async () => {
  await srv?.stop();
});

/** Signs in through the login page reached from `path` and waits for the app to open `lands` (the path's own page by default). */
async function signIn(page: Page, user: string, path: string, lands = new URL(path, srv.url).pathname): Promise<void> {
  await signInAt(page, srv.url, path, user);
  expect(new URL(page.url()).pathname, `${user} signed in from ${path}`).toBe(lands);
}

/** Creates a service request through Open311 as a citizen app would; resolves with its id (the case's). */
async function open311Request(description: string): Promise<string> {
  const services = (await (await fetch(`${srv.url}/open311/v2/services.json`)).json()) as { service_code: string }[];
  const form = new URLSearchParams({ api_key: INGEST_KEY, service_code: services[0]!.service_code, lat: String(JIANGCHENG.lat), long: String(JIANGCHENG.lon), description, first_name: '李' });
  const res = await fetch(`${srv.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
}

/** A case fed as a grid event; resolves with its id. */
async function feedCase(over: Record<string, unknown>): Promise<string> {
  return (await srv.ingest('grid-events', gridEvent(over))).ids[0]!;
}

const queueRow = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`);
const alertRow = (page: Page, id: string) => page.locator(`[data-alert-row="${id}"]`);
const drawer = (page: Page) => page.locator('[data-testid="case-drawer"]');
const drawerStatus = (page: Page) => drawer(page).locator('[data-testid="drawer-status"]');

/** Opens the case from the queue and waits for its drawer to show it. */
async function openCase(page: Page, id: string): Promise<void> {
  await queueRow(page, id).waitFor({ timeout: 15_000 });
  await queueRow(page, id).click();
  await page.waitForURL((u) => u.searchParams.get('case') === id);
  await drawerStatus(page).waitFor({ timeout: 15_000 });
}

/** Chooses `action` among the drawer's offered actions and returns its form (not yet sent). */
async function prepare(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => {}): Promise<Locator> {
  await drawer(page).locator(`button.act[data-action="${action}"]`).click();
  const form = drawer(page).locator(`form.action-form[data-action="${action}"]`);
  await form.waitFor();
  await fill(form);
  return form;
}

/** Takes one lifecycle step through the drawer and waits until the drawer shows the stage it leads to. */
async function step(page: Page, action: string, stage: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const form = await prepare(page, action, fill);
  await form.locator('[data-testid="action-submit"]').click();
  await expect.poll(() => drawerStatus(page).innerText(), { timeout: 15_000 }).toBe(stage);
}

describe("the duty officer's desk, fed by the test", () => {
  it('an Open311 request is registered, dispatched, started, fed back, verified and closed through the UI; Open311 reports it closed with the note', async () => {
    const id = await open311Request(`路口井盖缺失 ${uniq('open311')}`);
    const { page } = await suite.context();
    await signIn(page, 'duty', '/desk');
    await openCase(page, id);
    expect(await drawerStatus(page).innerText()).toBe('信息采集');

    await step(page, 'register', '案卷建立');
    let department = '';
    await step(page, 'dispatch', '任务派遣', async (form) => {
      const select = form.locator('select[name="department"]');
      // The first department of the city pack's list (index 0 is the disabled prompt).
      department = (await select.locator('option:not([disabled])').first().getAttribute('value'))!;
      await select.selectOption(department);
      await form.locator('input[name="assignee"]').fill('王工');
    });
    expect(department).not.toBe('');
    await step(page, 'start', '任务处理');
    const photo = 'https://photos.example.org/e2e/manhole-after.jpg';
    await step(page, 'feedback', '处理反馈', async (form) => {
      await form.locator('input[name="photoUrl"]').fill(photo);
      await form.locator('textarea[name="note"]').fill('已更换井盖');
    });
    // A close without its note is refused by the form before anything is sent.
    const close = await prepare(page, 'close');
    await close.locator('[data-testid="action-submit"]').click();
    await expect.poll(() => close.locator('[data-testid="form-error"]').innerText()).toBe('请填写意见');
    const closingNote = `现场核查井盖已更换，结案 ${uniq('note')}`;
    await close.locator('textarea[name="note"]').fill(closingNote);
    await close.locator('[data-testid="action-submit"]').click();
    await expect.poll(() => drawerStatus(page).innerText(), { timeout: 15_000 }).toBe('核查结案');

    // The timeline has every step (by its action), the photo link of the feedback and the closing note.
    const timeline = drawer(page).locator('[data-testid="timeline"]');
    await expect.poll(() => timeline.innerText()).toContain(closingNote);
    expect(await timeline.locator('[data-testid="timeline-photo"]').getAttribute('href')).toBe(photo);
    const text = await timeline.innerText();
    for (const action of ['立案', '派遣', '开始处置', '处置反馈', '核查结案']) expect(text).toContain(action);
    // Closed, it leaves the open queue.
    await expect.poll(() => queueRow(page, id).count(), { timeout: 15_000 }).toBe(0);

    const [request] = (await (await fetch(`${srv.url}/open311/v2/requests/${id}.json`)).json()) as { status: string; status_notes: string | null }[];
    expect(request).toMatchObject({ status: 'closed', status_notes: closingNote });
  });

  it('a CAP alert is acknowledged with a comment on the desk, and its CAP Ack downloads naming the original message', async () => {
    const sender = 'yjqx@gd.gov.cn';
    const identifier = uniq('ack');
    const sent = capSent();
    const { page } = await suite.context();
    await signIn(page, 'duty', '/desk');
    const { ids } = await srv.ingest('cap', capXml({ identifier, sent, sender, severity: 'Severe', event: '台风橙色预警信号' }), 'application/cap+xml');
    const id = ids[0]!;
    const row = alertRow(page, id);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.locator('[data-testid="alert-drawer"]').waitFor();

    await row.locator('[data-testid="ack-button"]').click();
    const dialog = page.locator('[data-testid="ack-dialog"]');
    // A comment is required.
    await dialog.locator('[data-testid="ack-submit"]').click();
    await dialog.locator('[role="alert"]').waitFor();
    const comment = `已通知三防办值班 ${uniq('comment')}`;
    await dialog.locator('[data-testid="ack-comment"]').fill(comment);
    await dialog.locator('[data-testid="ack-submit"]').click();
    await dialog.waitFor({ state: 'detached' });

    // The drawer shows who acknowledged it and the comment; the row left the waiting alerts.
    const ack = page.locator('[data-testid="drawer-ack"]');
    await expect.poll(() => ack.innerText(), { timeout: 15_000 }).toContain(comment);
    expect(await ack.innerText()).toContain('duty');
    await expect.poll(() => page.locator(`[data-group] ul [data-alert-row="${id}"][data-state="active"]`).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), ack.locator('[data-testid="cap-ack-download"]').click()]);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toMatch(/<msgType>\s*Ack\s*<\/msgType>/);
    expect(xml).toContain(`<references>${sender},${identifier},${sent}</references>`);
    expect(xml).toContain(comment);
    // The same message, viewed in the page.
    await ack.locator('[data-testid="cap-ack-toggle"]').click();
    await expect.poll(() => ack.locator('[data-testid="cap-ack-xml"]').innerText()).toContain(`${sender},${identifier},${sent}`);
  });

  it('an unacknowledged red alert escalates on the desk and raises “未签收 红色预警 N 分钟” on the leaders’ wall', async () => {
    const desk = (await suite.context()).page;
    const wall = (await suite.context()).page;
    // Both pages run on a clock the test moves; it flows as the real one until then.
    await desk.clock.install();
    await wall.clock.install();
    await signIn(desk, 'duty', '/desk');
    await openScreen(wall, srv.url, screenPath({ ...STILL, theme: 'emergency' }));

    const { ids } = await srv.ingest('cap', capXml({ identifier: uniq('red'), severity: 'Extreme', event: '暴雨红色预警信号' }), 'application/cap+xml');
    const id = ids[0]!;
    const row = alertRow(desk, id);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-level')).toBe('red');
    expect(await row.locator('[data-testid="escalation"]').innerText()).toContain('未升级');
    const notice = wall.locator('[data-testid="unacknowledged-notice"]');
    expect(await notice.count()).toBe(0);

    // Six and a half minutes later (a red alert's limit is 5): step 1 on the desk, the notice on the wall.
    await desk.clock.fastForward('06:30');
    await wall.clock.fastForward('06:30');
    await expect.poll(() => row.locator('[data-testid="escalation"]').innerText(), { timeout: 15_000 }).toMatch(/第 1\/3 级升级/);
    expect(await row.getAttribute('class')).toContain('overdue');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.getAttribute('data-alert-id')).toBe(id);
    expect(await notice.locator('.label').innerText()).toMatch(/^未签收 红色预警 [67] 分钟$/); // 6½ min on, 7 only if this test ran very slowly
  });

  it('a grid user (江城区) sees only the cases and alerts of its districts', async () => {
    const title = uniq('grid');
    const inside = await feedCase({ title: `${title} 江城`, location: JIANGCHENG });
    const outside = await feedCase({ title: `${title} 阳春`, location: YANGCHUN });
    const [alertInside] = (await srv.ingest('alerts', alertJson({ level: 'blue', event: '大风蓝色预警信号', headline: `${title} 江城区大风`, districts: ['441702'] }))).ids;
    const [alertOutside] = (await srv.ingest('alerts', alertJson({ level: 'blue', event: '大风蓝色预警信号', headline: `${title} 阳春市大风`, districts: ['441781'] }))).ids;

    // A duty officer sees both of each: they were stored and are live.
    const duty = (await suite.context()).page;
    await signIn(duty, 'duty', '/desk');
    for (const id of [inside, outside]) await queueRow(duty, id).waitFor({ timeout: 15_000 });
    for (const id of [alertInside!, alertOutside!]) await alertRow(duty, id).waitFor({ timeout: 15_000 });

    const { page } = await suite.context();
    await signIn(page, 'grid', '/desk');
    await queueRow(page, inside).waitFor({ timeout: 15_000 });
    await alertRow(page, alertInside!).waitFor({ timeout: 15_000 });
    expect(await queueRow(page, outside).count()).toBe(0);
    expect(await alertRow(page, alertOutside!).count()).toBe(0);
    // Not hidden by a filter either: the whole page never names the other district's case or alert.
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(`${title} 阳春`);
    expect(body).not.toContain(`${title} 阳春市大风`);
    for (const district of await page.locator('[data-testid="queue-row"] .meta').allInnerTexts()) expect(district).toContain('江城区');
    // Nor through the address: the case outside opens to a refusal, not its facts.
    await page.goto(`${srv.url}/desk?case=${outside}`);
    await drawer(page).locator('[role="alert"]').waitFor({ timeout: 15_000 });
    expect(await drawer(page).innerText()).not.toContain(`${title} 阳春`);
  });

  it('two officers act on one case: the first wins, the second sees who changed it and retries on the current version', async () => {
    const id = await feedCase({ title: `${uniq('race')} 占道经营` });
    const a = (await suite.context()).page;
    const b = (await suite.context()).page;
    await signIn(a, 'duty', `/desk?case=${id}`);
    await signIn(b, 'admin', `/desk?case=${id}`);
    for (const p of [a, b]) await drawerStatus(p).waitFor({ timeout: 15_000 });

    // Both prepare 立案; the duty officer sends first.
    const formA = await prepare(a, 'register', (f) => f.locator('textarea[name="note"]').fill('属实，立案'));
    const formB = await prepare(b, 'register', (f) => f.locator('textarea[name="note"]').fill('立案处理'));
    await formA.locator('[data-testid="action-submit"]').click();
    await expect.poll(() => drawerStatus(a).innerText(), { timeout: 15_000 }).toBe('案卷建立');
    // The second desk has heard of it live; the form it prepared still stands on what it saw.
    await expect.poll(() => queueRow(b, id).locator('.stage').innerText(), { timeout: 15_000 }).toBe('案卷建立');
    await formB.locator('[data-testid="action-submit"]').click();
    const conflict = b.locator('[data-testid="conflict"]');
    await conflict.waitFor({ timeout: 15_000 });
    const said = await conflict.locator('[data-testid="conflict-changed-by"]').innerText();
    expect(said).toContain('duty');
    expect(said).toContain('立案');
    expect(said).toContain('案卷建立');
    expect(said).toContain('版本 2');
    // Retrying 立案 on the current version: the state machine refuses it (already registered), in words, and nothing changed.
    await conflict.locator('[data-testid="conflict-retry"]').click();
    await expect.poll(() => b.locator('[data-testid="action-failed"]').innerText(), { timeout: 15_000 }).toMatch(/^操作未成功：.+/);
    expect(await drawerStatus(b).innerText()).toBe('案卷建立');

    // Both now prepare 督办 (valid whatever the other did); the duty officer sends first again.
    const due = new Date(Date.now() + 2 * 3600_000);
    const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16); // the pages run in Asia/Shanghai
    const superviseA = await prepare(a, 'supervise', async (f) => {
      await f.locator('input[name="dueAt"]').fill(local(due));
      await f.locator('textarea[name="note"]').fill('请两小时内处置');
    });
    const superviseB = await prepare(b, 'supervise', async (f) => {
      await f.locator('input[name="dueAt"]').fill(local(new Date(due.getTime() + 3600_000)));
      await f.locator('textarea[name="note"]').fill('管理员督办：三小时内处置');
    });
    await superviseA.locator('[data-testid="action-submit"]').click();
    await expect.poll(() => drawer(a).locator('.supervised').innerText(), { timeout: 15_000 }).toContain('请两小时内处置');
    await expect.poll(() => drawer(b).locator('.supervised').count(), { timeout: 15_000 }).toBe(1);
    await superviseB.locator('[data-testid="action-submit"]').click();
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.locator('[data-testid="conflict-changed-by"]').innerText()).toContain('督办');
    // This one is still valid: the retry succeeds on the current version, and says so on both desks.
    await conflict.locator('[data-testid="conflict-retry"]').click();
    await conflict.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => drawer(b).locator('.supervised').innerText(), { timeout: 15_000 }).toContain('管理员督办');
    await expect.poll(() => drawer(a).locator('.supervised').innerText(), { timeout: 15_000 }).toContain('管理员督办');
    expect(await drawer(b).innerText()).toContain('版本 4');
  });
});
