import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../mock-data/simulator/index.js';
import { silentLog } from '../../mock-data/simulator/log.js';
import { openScreen, screenPath, STILL, until, widgetStates } from './setup/screen.js';
import { INGEST_KEY, ROOT, startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const suite = browserSuite();
/** Git-ignored; CI keeps them as the run's artifacts. */
const ARTIFACTS = `${ROOT}tests/e2e/artifacts`;
let srv: ServerProcess;
let sim: Simulator | undefined;

const badge = (page: Page) => page.locator('[data-testid="drill-badge"]');
const shoot = async (page: Page, file: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(2500); // chart entry animations and map tiles
  await page.screenshot({ path: `${ARTIFACTS}/${file}` });
};

describe('a typhoon drill on open screens (issue 10 items 9 and 10)', () => {
  beforeAll(async () => {
    srv = await startServer({ simulate: false });
  });
  afterAll(async () => {
    await sim?.stop();
    await srv?.stop();
  });

  it('shows the badge on real screens exactly while the drill runs, and the drill view its own figures', async () => {
    const real = (await suite.context()).page;
    const drill = (await suite.context()).page;
    await openScreen(real, srv.url, screenPath({ ...STILL, theme: 'overview' }));
    await openScreen(drill, srv.url, screenPath({ ...STILL, theme: 'overview', drill: 1 }));
    expect(await badge(real).count()).toBe(0);

    sim = await startSimulator({ url: srv.url, key: INGEST_KEY, scenario: 'typhoon', speed: 3600, city: '441700', seed: 3, tickMs: 100, progressMs: 0, log: silentLog });
    await badge(real).waitFor({ timeout: 30_000 });
    await until(
      async () => Date.parse(sim!.stats().simTime),
      (t) => t >= Date.now() - 30_000,
      'the drill played up to the present',
      120_000,
    );

    // The drill view: the vital signs, closure and district rankings of the drill's own data; no widget "not in the drill".
    const FROM_KPI = ['kpi-cards', 'closure-gauge', 'district-ranking'];
    const ws = await until(
      () => widgetStates(drill),
      (list) => FROM_KPI.every((type) => list.some((w) => w.type === type && w.empty === 'false')),
      "the drill view's vital signs, closure and rankings with data",
      60_000,
    );
    expect(ws.filter((w) => w.text.includes('本项不参与演练')).map((w) => w.type)).toEqual([]);
    await shoot(drill, 'drill-view-overview.png');
    await shoot(real, 'drill-running-real-overview.png');

    await sim.stop();
    sim = undefined;
    await badge(real).waitFor({ state: 'detached', timeout: 30_000 });
    await shoot(real, 'drill-ended-real-overview.png');
  });
});
