import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HealthTab from '../../../../client/src/admin/HealthTab.vue';
import type { SystemHealth } from '../../../../client/src/admin/admin-api.js';
import { fakeApi, mountAdmin } from './fixtures.js';

const NOW = Date.parse('2026-12-06T04:00:00Z');
const healthy: SystemHealth = {
  database: { engine: 'pglite', ok: true, latencyMs: 2.4 },
  redis: null,
  mqtt: { configured: false, connected: false },
  simulator: { lastIngestAt: '2026-12-06T03:55:00Z', drill: null },
  live: { clients: 3 },
  uptimeS: 7200,
  version: '0.9.0',
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const card = (w: ReturnType<typeof mountAdmin>, id: string) => w.get(`[data-health="${id}"]`);

describe('health tab', () => {
  it('shows each part with its state: working, not configured, and the simulator age', async () => {
    fakeApi({ 'GET /api/v1/admin/health': { body: healthy } });
    const w = mountAdmin(HealthTab);
    await flushPromises();
    expect(card(w, 'database').attributes('data-state')).toBe('ok');
    expect(card(w, 'database').text()).toContain('引擎: pglite');
    expect(card(w, 'database').text()).toContain('延迟 2 毫秒');
    expect(card(w, 'redis').attributes('data-state')).toBe('off');
    expect(card(w, 'redis').text()).toContain('未配置');
    expect(card(w, 'mqtt').attributes('data-state')).toBe('off');
    expect(card(w, 'simulator').text()).toContain('最近接入 2026-12-06 11:55:00（5 分钟前）');
    expect(card(w, 'simulator').text()).toContain('无演练');
    expect(card(w, 'live').text()).toContain('3 个客户端');
    expect(card(w, 'uptime').text()).toContain('2 小时');
  });

  it('marks a failing part down and names a running drill', async () => {
    fakeApi({
      'GET /api/v1/admin/health': {
        body: {
          ...healthy,
          database: { engine: 'postgres', ok: false, latencyMs: null },
          redis: { configured: true, ok: false },
          mqtt: { configured: true, connected: true },
          simulator: {
            lastIngestAt: null,
            drill: { id: 'd1', name: '台风演练', scenario: 'typhoon', districts: [], startedAt: '2026-12-06T03:00:00Z', startedBy: 'duty', endedAt: null, endedBy: null },
          },
        },
      },
    });
    const w = mountAdmin(HealthTab);
    await flushPromises();
    expect(card(w, 'database').attributes('data-state')).toBe('down');
    expect(card(w, 'database').text()).not.toContain('延迟');
    expect(card(w, 'redis').attributes('data-state')).toBe('down');
    expect(card(w, 'redis').text()).toContain('故障');
    expect(card(w, 'mqtt').attributes('data-state')).toBe('ok');
    expect(card(w, 'mqtt').text()).toContain('已连接');
    expect(card(w, 'simulator').text()).toContain('尚无接入');
    expect(card(w, 'simulator').text()).toContain('演练进行中：台风演练');
  });

  it('asks again every 10 s while open, and stops when closed', async () => {
    let clients = 3;
    const { fetch } = fakeApi({ 'GET /api/v1/admin/health': () => ({ body: { ...healthy, live: { clients: clients++ } } }) });
    const w = mountAdmin(HealthTab);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(card(w, 'live').text()).toContain('4 个客户端');
    w.unmount();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('says when the health cannot be read', async () => {
    fakeApi({});
    const w = mountAdmin(HealthTab);
    await flushPromises();
    expect(w.get('[data-testid="load-error"]').text()).toContain('加载失败');
    expect(w.findAll('[data-health]')).toHaveLength(0);
  });
});
