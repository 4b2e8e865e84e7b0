import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openScreen, screenPath, STILL, until, widgetStates, type WidgetState } from './setup/screen.js';
import { ROOT, startServer, type ServerProcess } from './setup/server-process.js';
import { browserSuite } from './setup/suite.js';

const AIR_STATIONS = (JSON.parse(readFileSync(`${ROOT}mock-data/cities/441700/stations.json`, 'utf8')) as { id: string; kind: string }[]).filter((s) => s.kind === 'air').map((s) => s.id);
/** Widgets whose only source is the air stations. */
const AIR_WIDGETS = new Set(['aqi-ranking', 'pollutant-trend']);
const EXPECT_AIR_S = 4;

const suite = browserSuite();
let srv: ServerProcess;
let feeding: ReturnType<typeof setInterval> | undefined;

/** Sends one reading of every air station now, then one per second until {@link stopFeeding}. */
async function startFeeding(): Promise<void> {
  const send = () =>
    srv.ingest(
      'observations',
      AIR_STATIONS.map((stationId) => ({
        kind: 'air',
        stationId,
        observedAt: new Date().toISOString(),
        values: { pm25: 28, pm10: 45, no2: 22, so2: 7, co: 0.6, o3: 70 },
      })),
    );
  await send();
  feeding = setInterval(() => void send().catch(() => undefined), 1000);
}
function stopFeeding(): void {
  clearInterval(feeding);
  feeding = undefined;
}

const airWidgets = async (read: () => Promise<WidgetState[]>) => (await read()).filter((w) => AIR_WIDGETS.has(w.type));

describe('freshness: a source that stops is marked stale and recovers', () => {
  beforeAll(async () => {
    srv = await startServer({ simulate: false });
  });
  afterEach(stopFeeding);
  afterAll(async () => {
    await srv?.stop();
  });

  it(`air widgets turn stale with 数据延迟 ${EXPECT_AIR_S} s after the readings stop, and fresh again when they resume`, async () => {
    const { page } = await suite.context();
    await startFeeding();
    await openScreen(page, srv.url, screenPath({ ...STILL, theme: 'environment', expect: `air:${EXPECT_AIR_S}` }));
    const read = () => airWidgets(() => widgetStates(page));
    const fresh = await until(read, (ws) => ws.length > 0 && ws.every((w) => w.fresh === 'fresh' && w.empty === 'false'), 'air widgets fresh with data');
    expect(fresh.map((w) => w.type).sort()).toEqual([...AIR_WIDGETS].sort());
    for (const w of fresh) expect(w.text).not.toContain('数据延迟');

    stopFeeding();
    const stale = await until(read, (ws) => ws.every((w) => w.fresh === 'stale'), 'air widgets stale', 20_000);
    for (const w of stale) expect(w.text, `${w.id} says so`).toContain('数据延迟');
    // The data stays on screen, greyed, rather than disappearing.
    for (const w of stale) expect(w.empty).toBe('false');

    await startFeeding();
    const recovered = await until(read, (ws) => ws.every((w) => w.fresh === 'fresh'), 'air widgets fresh again', 20_000);
    for (const w of recovered) expect(w.text).not.toContain('数据延迟');
  });
});
