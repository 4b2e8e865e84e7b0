import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { nextTick } from 'vue';
import CaseQueue from '../../../../client/src/desk/cases/CaseQueue.vue';
import type { ViewData, ViewSpec } from '../../../../client/src/live/protocol.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { deskCase } from './fixtures.js';
import { mountDesk } from './mount.js';

const NOW = Date.parse('2026-07-01T03:00:00.000Z');
const counts = (over: Partial<ViewData['case-queue']['counts']> = {}) => ({ reported: 0, registered: 0, dispatched: 0, in_progress: 0, feedback: 0, closed: 0, evaluated: 0, rejected: 0, ...over });
const post = (rows: GridCase[], total = rows.length, offset = 0): ViewData['case-queue'] => ({
  offset,
  ids: rows.map((c) => c.id),
  changed: rows,
  total,
  counts: counts({ dispatched: total, closed: 4 }),
});

// The countdowns tick on the app's one clock (a setInterval); the router and promises keep real timeouts.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
  // jsdom lays nothing out: give the list a viewport of ten rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 520 });
  HTMLElement.prototype.scrollTo = () => {};
});
afterAll(() => vi.useRealTimers());
afterEach(() => document.body.replaceChildren());

/** Retries `check` in real time (vi.waitFor would advance the faked clock the countdowns read). */
async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  for (const end = performance.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 10))) {
    try {
      return check();
    } catch (err) {
      if (performance.now() > end) throw err;
    }
  }
}

async function mountQueue(path = '/desk') {
  const m = await mountDesk(CaseQueue, { props: { mode: 'real', openId: null }, path });
  const queue = () => m.watched.find((v) => !v.stopped && v.spec.kind === 'case-queue')!;
  const show = async (data: ViewData['case-queue']) => {
    queue().post(data as never);
    await flushPromises();
  };
  return { ...m, queue, show };
}

describe('case queue', () => {
  it('asks the worker for the queue the address describes, and a window of rows', async () => {
    const { queue } = await mountQueue('/desk?stage=dispatched&q=%E4%BA%95%E7%9B%96&sort=reported&order=desc&overdue=1&drill=1');
    expect(queue().spec).toEqual({
      kind: 'case-queue',
      mode: 'real',
      filter: { stage: 'dispatched', q: '井盖', overdue: true },
      sort: { by: 'reported', order: 'desc' },
      offset: 0,
      limit: 40,
    });
  });

  it('shows the posted rows, the total and the counts per stage', async () => {
    const { w, show } = await mountQueue();
    await show(post([deskCase('a', { title: '井盖缺失', status: 'dispatched' }), deskCase('b', { title: '道路破损', status: 'dispatched' })], 2));
    expect(w.findAll('[data-testid="queue-row"]').map((r) => r.attributes('data-id'))).toEqual(['a', 'b']);
    expect(w.get('[data-testid="queue-total"]').text()).toBe('共 2 件');
    expect(w.get('[data-stage="dispatched"]').text()).toContain('2');
    expect(w.get('[data-stage="open"]').text()).toContain('2');
    expect(w.get('[data-stage="all"]').text()).toContain('6');
  });

  it('keeps a filter in the address, and back restores the previous one', async () => {
    const { w, router, queue, show } = await mountQueue();
    // Each choice's answer is shown, then its address is written (useQueueRoute).
    const answered = async (query: Record<string, string>) => {
      await show(post([deskCase('a')]));
      await eventually(() => expect(router.currentRoute.value.query).toEqual(query));
    };
    await w.get('[data-stage="in_progress"]').trigger('click');
    await flushPromises();
    expect(queue().spec).toMatchObject({ filter: { stage: 'in_progress' } });
    await answered({ stage: 'in_progress' });
    await w.get('[data-testid="filter-overdue"]').setValue(true);
    await flushPromises();
    await answered({ stage: 'in_progress', overdue: '1' });
    await w.get('[data-testid="sort-order"]').trigger('click');
    await flushPromises();
    expect(queue().spec).toMatchObject({ filter: { stage: 'in_progress', overdue: true }, sort: { by: 'deadline', order: 'desc' } });
    await answered({ stage: 'in_progress', overdue: '1', order: 'desc' });
    router.back();
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ stage: 'in_progress', overdue: '1' });
    expect(queue().spec).toMatchObject({ sort: { order: 'asc' } });
  });

  it('asks the worker for a choice before writing its address, and writes it once the answer is shown, one history step per choice', async () => {
    const { w, router, queue, show } = await mountQueue();
    await w.get('[data-stage="in_progress"]').trigger('click');
    await flushPromises();
    expect(queue().spec).toMatchObject({ filter: { stage: 'in_progress' } });
    expect(router.currentRoute.value.query).toEqual({});
    // A second choice before the first was answered: the first still gets its own entry.
    await w.get('[data-testid="sort-order"]').trigger('click');
    await flushPromises();
    expect(queue().spec).toMatchObject({ filter: { stage: 'in_progress' }, sort: { order: 'desc' } });
    expect(router.currentRoute.value.query).toEqual({ stage: 'in_progress' });
    await show(post([deskCase('a')]));
    await eventually(() => expect(router.currentRoute.value.query).toEqual({ stage: 'in_progress', order: 'desc' }));
    // The address reaching the router changes nothing: the worker is not asked again.
    expect(queue().spec).toMatchObject({ filter: { stage: 'in_progress' }, sort: { order: 'desc' } });
    router.back();
    await new Promise((r) => setTimeout(r, 20));
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ stage: 'in_progress' });
    expect(queue().spec).toMatchObject({ sort: { order: 'asc' } });
  });

  it('writes a choice’s address after a second even when no answer comes', async () => {
    const { w, router } = await mountQueue();
    await w.get('[data-stage="feedback"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    await eventually(() => expect(router.currentRoute.value.query).toEqual({ stage: 'feedback' }));
  });

  it('filters by category, district and source from their menus, and “any” clears the filter', async () => {
    const { w, router, queue, show } = await mountQueue();
    await w.get('[data-testid="filter-category"]').setValue('manhole_cover');
    await flushPromises();
    await w.get('[data-testid="filter-source"]').setValue('hotline');
    await flushPromises();
    expect(queue().spec).toMatchObject({ filter: { stage: 'open', category: 'manhole_cover', source: 'hotline' } });
    await show(post([deskCase('a')]));
    await eventually(() => expect(router.currentRoute.value.query).toEqual({ category: 'manhole_cover', source: 'hotline' }));
    expect(w.get('[data-testid="filter-district"]').findAll('option')[0]!.text()).toBe(w.get('[data-testid="filter-district"]').attributes('aria-label'));
    await w.get('[data-testid="filter-category"]').setValue('');
    await flushPromises();
    await show(post([deskCase('a')]));
    await eventually(() => expect(router.currentRoute.value.query).toEqual({ source: 'hotline' }));
  });

  it('patches the rows it shows when their cases change (a filter or sort), and moves a row whose case moves', async () => {
    const { w, show } = await mountQueue();
    const rows = () => w.findAll('[data-testid="queue-row"]').map((r) => r.element);
    await show(post([deskCase('a'), deskCase('b'), deskCase('c')]));
    const first = rows();
    // Which of the first three elements each row now is (-1: a new element).
    const reused = () => rows().map((r) => first.indexOf(r));
    await show(post([deskCase('c'), deskCase('a'), deskCase('b')]));
    expect(reused()).toEqual([2, 0, 1]);
    await show(post([deskCase('x', { title: '新的一行' }), deskCase('y'), deskCase('z')]));
    expect(reused().sort()).toEqual([0, 1, 2]);
    expect(w.findAll('[data-testid="queue-row"]').map((r) => r.attributes('data-id'))).toEqual(['x', 'y', 'z']);
    expect(w.get('[data-id="x"]').text()).toContain('新的一行');
  });

  it('counts every deadline down on one clock and marks a row overdue the moment it passes, in words and with an icon', async () => {
    const { w, show } = await mountQueue();
    await show(post([deskCase('a', { status: 'dispatched', dispatchedAt: new Date(NOW - 3_600_000).toISOString(), deadlineAt: new Date(NOW + 65_000).toISOString() })]));
    const row = () => w.get('[data-testid="queue-row"]');
    expect(row().get('[data-testid="countdown"]').text()).toBe('剩余 1 分 5 秒');
    expect(row().attributes('data-overdue')).toBe('false');
    vi.advanceTimersByTime(66_000);
    await nextTick();
    expect(row().get('[data-testid="countdown"]').text()).toBe('已超期 0 分 1 秒');
    expect(row().attributes('data-overdue')).toBe('true');
    expect(row().classes()).toContain('overdue');
    expect(row().get('[data-testid="overdue-tag"]').text()).toBe('⚠ 超期');
  });

  it('says under the countdown when the deadline counts working hours, while the countdown stays wall-clock', async () => {
    const { w, show } = await mountQueue();
    const deadlineAt = new Date(Date.now() + 3 * 86_400_000 + 1_800_000).toISOString();
    await show(
      post([
        deskCase('road', { category: 'road_damage', status: 'dispatched', deadlineAt }),
        deskCase('manhole', { category: 'manhole_missing', status: 'dispatched', deadlineAt }),
        deskCase('supervised', { category: 'road_damage', status: 'dispatched', deadlineAt, supervised: { at: deadlineAt, by: 'duty', note: '加快', dueAt: deadlineAt } }),
      ]),
    );
    const row = (id: string) => w.get(`[data-id="${id}"]`);
    expect(row('road').get('[data-testid="countdown"]').text()).toBe('剩余 3 天 0 小时');
    expect(row('road').get('[data-testid="working-clock"]').text()).toBe('时限 21 个工作小时');
    expect(row('road').get('[data-testid="working-clock"]').attributes('title')).toContain('非工作时间、周末和法定节假日不计时');
    expect(row('manhole').find('[data-testid="working-clock"]').exists()).toBe(false);
    expect(row('supervised').find('[data-testid="working-clock"]').exists()).toBe(false);
  });

  it('marks a case the server calls overdue even when its deadline is not known to have passed', async () => {
    const { w, show } = await mountQueue();
    await show(post([deskCase('a', { status: 'in_progress', overdue: true, deadlineAt: new Date(Date.now() - 7_200_000).toISOString() })]));
    expect(w.get('[data-testid="queue-row"]').attributes('data-overdue')).toBe('true');
    expect(w.get('[data-testid="countdown"]').text()).toBe('已超期 2 小时 0 分');
  });

  it('moves with j/k, opens with Enter, selects with x, and offers the selection’s common actions', async () => {
    const { w, show } = await mountQueue();
    await show(post([deskCase('a'), deskCase('b'), deskCase('c', { status: 'reported' })]));
    const key = async (k: string) => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
      await nextTick();
    };
    await key('j');
    await key('Enter');
    expect(w.emitted('open')).toEqual([['b']]);
    await key('x');
    await key('k');
    await key('x');
    expect(w.get('[data-testid="bulk-bar"]').text()).toContain('已选 2 件');
    expect(w.findAll('[data-testid="bulk-bar"] .act').map((b) => b.attributes('data-action'))).toEqual(['dispatch']);
    await key('j');
    await key('j');
    await key('x');
    expect(w.findAll('[data-testid="bulk-bar"] .act')).toEqual([]);
    await key('Escape');
    expect(w.emitted('close')).toHaveLength(1);
  });

  it('sends a bulk action with each case’s version as its row showed when selected, so a case moved on since is refused on its own', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ results: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const { w, show } = await mountQueue();
    await show(post([deskCase('a', { version: 3 }), deskCase('b', { version: 7 })]));
    for (const box of w.findAll('[data-testid="queue-row"] .check')) await box.trigger('click');
    // Another desk acts on `a` after it was selected: the queue shows its new version.
    await show(post([deskCase('a', { version: 4 }), deskCase('b', { version: 7 })]));
    await w.get('[data-testid="bulk-bar"] [data-action="dispatch"]').trigger('click');
    const department = w.get('[data-testid="bulk-bar"] select[name="department"]');
    await department.setValue(department.findAll('option')[1]!.attributes('value'));
    await w.get('[data-testid="bulk-bar"] form').trigger('submit');
    await flushPromises();
    vi.unstubAllGlobals();
    expect(sent).toEqual([
      expect.objectContaining({
        action: 'dispatch',
        items: [
          { id: 'a', version: 3 },
          { id: 'b', version: 7 },
        ],
      }),
    ]);
  });

  it('asks for the rows it scrolls to, a window at a time', async () => {
    const { w, show, queue } = await mountQueue();
    await show(post([deskCase('a')], 5000));
    const scroller = w.get('[role="grid"]').element as HTMLElement;
    scroller.scrollTop = 52 * 1000;
    scroller.dispatchEvent(new Event('scroll'));
    await flushPromises();
    const spec = queue().spec as Extract<ViewSpec, { kind: 'case-queue' }>;
    expect(spec.offset).toBeLessThanOrEqual(1000);
    expect(spec.offset + spec.limit).toBeGreaterThan(1010);
    expect(w.findAll('.placeholder').length).toBeGreaterThan(0);
  });
});
