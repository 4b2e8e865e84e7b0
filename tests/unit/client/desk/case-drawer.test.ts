import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import CaseDrawer from '../../../../client/src/desk/cases/CaseDrawer.vue';
import type { CaseDetail } from '../../../../client/src/desk/cases/cases-api.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { deskCase } from './fixtures.js';
import { DUTY, GRID, LEADER, mountDesk } from './mount.js';
import type { SessionUser } from '../../../../client/src/stores/session.js';

// MapLibre needs WebGL, which jsdom has not: the drawer's map is not under test here.
vi.mock('../../../../client/src/desk/cases/CaseMiniMap.vue', () => ({ default: { render: () => null } }));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server for one case: its detail, nearby items, and the answers the test queues for actions (recording what was sent). */
function server(c: GridCase, opts: { related?: GridCase[]; answers?: Response[] } = {}) {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  const detail = (): CaseDetail => ({
    case: c,
    timeline: [{ at: c.reportedAt, status: 'reported', actor: 'citizen', note: '现场照片', mediaUrl: 'https://example.org/p.jpg' }],
    related: opts.related ?? [],
  });
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      sent.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return Promise.resolve(opts.answers?.shift() ?? json(200, { case: c }));
    }
    if (url.startsWith('/api/v1/nearby'))
      return Promise.resolve(json(200, { radius: 1000, items: [{ kind: 'resource', id: 'r1', name: '江城消防站', type: 'fire_station', lon: 111.98, lat: 21.86, distanceM: 420 }] }));
    return Promise.resolve(json(200, detail()));
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, sent, set: (next: GridCase) => (c = next) };
}

async function openDrawer(c: GridCase, user: SessionUser = DUTY, related: GridCase[] = [], answers: Response[] = []) {
  const srv = server(c, { related, answers });
  const m = await mountDesk(CaseDrawer, { props: { id: c.id }, user });
  await flushPromises();
  const offered = () => m.w.findAll('[data-testid="case-actions"] .act').map((b) => b.attributes('data-action'));
  return { ...m, srv, offered };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('case drawer', () => {
  it('shows the case, its timeline with the photo link, and the resources nearby with their distance', async () => {
    const { w, srv } = await openDrawer(deskCase('a', { title: '井盖缺失', status: 'registered' }));
    expect(w.get('h2').text()).toBe('井盖缺失');
    expect(w.get('[data-testid="timeline-photo"]').attributes('href')).toBe('https://example.org/p.jpg');
    expect(w.get('[data-testid="nearby-distance"]').text()).toBe('420 米');
    expect(srv.fetch).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/v1\/nearby\?lon=111.98&lat=21.86&radius=1000&kinds=resources,cameras$/), expect.anything());
    await w.get('[data-radius="3000"]').trigger('click');
    await flushPromises();
    expect(srv.fetch).toHaveBeenCalledWith(expect.stringContaining('radius=3000'), expect.anything());
  });

  it('says which clock the deadline counts, and none once a 督办 set the due time', async () => {
    const deadlineAt = '2026-07-03T09:00:00.000Z';
    const road = await openDrawer(deskCase('a', { category: 'road_damage', status: 'dispatched', deadlineAt }));
    expect(road.w.get('[data-testid="drawer-deadline-rule"]').text()).toBe('时限 21 个工作小时');
    document.body.replaceChildren();
    const manhole = await openDrawer(deskCase('b', { category: 'manhole_missing', status: 'dispatched', deadlineAt }));
    expect(manhole.w.get('[data-testid="drawer-deadline-rule"]').text()).toBe('时限 2 小时');
    document.body.replaceChildren();
    const supervised = await openDrawer(deskCase('c', { category: 'road_damage', status: 'dispatched', deadlineAt, supervised: { at: deadlineAt, by: 'duty', note: '加快', dueAt: deadlineAt } }));
    expect(supervised.w.find('[data-testid="drawer-deadline-rule"]').exists()).toBe(false);
  });

  it('offers only what the user may do on the case’s status and district', async () => {
    expect((await openDrawer(deskCase('a', { status: 'registered' }), DUTY)).offered()).toEqual(['dispatch', 'supervise']);
    expect((await openDrawer(deskCase('a', { status: 'registered' }), DUTY, [deskCase('b')])).offered()).toEqual(['dispatch', 'supervise', 'merge']);
    expect((await openDrawer(deskCase('a', { status: 'feedback' }), DUTY)).offered()).toEqual(['close', 'send_back', 'supervise']);
    expect((await openDrawer(deskCase('a', { status: 'reported' }), GRID)).offered()).toEqual(['register', 'reject']);
    expect((await openDrawer(deskCase('a', { status: 'reported', district: '441704' }), GRID)).offered()).toEqual([]);
    expect((await openDrawer(deskCase('a', { status: 'registered' }), LEADER)).offered()).toEqual([]);
    expect((await openDrawer(deskCase('a', { status: 'closed' }), DUTY)).offered()).toEqual(['evaluate']);
  });

  it('refuses a dispatch without a department before sending anything, then sends the form with the version shown', async () => {
    const { w, srv } = await openDrawer(deskCase('a', { status: 'registered' }));
    await w.get('[data-action="dispatch"]').trigger('click');
    await w.get('[data-testid="action-submit"]').trigger('submit');
    expect(w.get('[data-testid="form-error"]').text()).toBe('请选择部门');
    await w.get('select[name="department"]').setValue('sanitation');
    await w.get('input[name="assignee"]').setValue('李强');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(srv.sent).toEqual([{ url: '/api/v1/incidents/a/actions', body: { action: 'dispatch', version: 1, department: 'sanitation', assignee: '李强' } }]);
  });

  it('on a 409 shows who changed the case and its state, and retries on the current version', async () => {
    const theirs = deskCase('a', { status: 'dispatched', version: 3 });
    const conflict = json(409, { error: { code: 'conflict', message: 'stale version' }, case: theirs, changedBy: { actor: 'duty2', at: '2026-07-01T02:30:00.000Z', action: 'dispatch' } });
    const { w, srv } = await openDrawer(deskCase('a', { status: 'dispatched', version: 2 }), DUTY, [], [conflict, json(200, { case: { ...theirs, status: 'in_progress', version: 4 } })]);
    await w.get('[data-action="start"]').trigger('click');
    await w.get('textarea[name="note"]').setValue('到场');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(srv.sent[0]!.body).toEqual({ action: 'start', version: 2, note: '到场' });
    expect(w.get('[data-testid="conflict-changed-by"]').text()).toBe('duty2 于 07/01 10:30 派遣，现为「任务派遣」（版本 3）。');
    await w.get('[data-testid="conflict-retry"]').trigger('click');
    await flushPromises();
    expect(srv.sent[1]!.body).toEqual({ action: 'start', version: 3, note: '到场' });
    expect(w.find('[data-testid="conflict"]').exists()).toBe(false);
  });

  it('sends a prepared action with the version seen when it was chosen, so a change arriving live meanwhile is a conflict, not an overwrite', async () => {
    const mine = deskCase('a', { status: 'registered', version: 2 });
    const theirs = { ...mine, version: 3, supervised: { at: '2026-07-01T02:30:00.000Z', by: 'duty2', note: '尽快', dueAt: '2026-07-01T06:30:00.000Z' } };
    const conflict = json(409, { error: { code: 'conflict', message: 'stale version' }, case: theirs, changedBy: { actor: 'duty2', at: '2026-07-01T02:30:00.000Z', action: 'supervise' } });
    const { w, srv } = await openDrawer(mine, DUTY, [], [conflict]);
    await w.get('[data-action="supervise"]').trigger('click');
    await w.get('input[name="dueAt"]').setValue('2099-07-01T18:00');
    await w.get('textarea[name="note"]').setValue('限时处置');
    // Another officer's 督办 arrives live while the form is open: the drawer reloads under it.
    srv.set(theirs);
    await w.setProps({ version: 3 });
    await flushPromises();
    expect(w.get('.supervised').text()).toContain('duty2');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(srv.sent[0]!.body).toMatchObject({ action: 'supervise', version: 2, note: '限时处置' });
    expect(w.get('[data-testid="conflict-changed-by"]').text()).toContain('duty2');
  });

  it('merges this case into a related one, or the related one into this, each on its own version', async () => {
    const related = deskCase('b', { version: 7 });
    const { w, srv } = await openDrawer(deskCase('a', { version: 2 }), DUTY, [related]);
    await w.get('[data-testid="merge-into"]').trigger('click');
    await flushPromises();
    await w.get('[data-testid="merge-here"]').trigger('click');
    await flushPromises();
    expect(srv.sent).toEqual([
      { url: '/api/v1/incidents/a/actions', body: { action: 'merge', version: 2, masterId: 'b' } },
      { url: '/api/v1/incidents/b/actions', body: { action: 'merge', version: 7, masterId: 'a' } },
    ]);
  });

  it('reloads when the live stream shows a newer version of the case', async () => {
    const { w, srv } = await openDrawer(deskCase('a', { version: 1 }));
    const loads = () => srv.fetch.mock.calls.filter(([url]) => url === '/api/v1/incidents/a').length;
    expect(loads()).toBe(1);
    srv.set(deskCase('a', { version: 2, status: 'dispatched' }));
    await w.setProps({ version: 2 });
    await flushPromises();
    expect(loads()).toBe(2);
    expect(w.get('[data-testid="drawer-status"]').text()).toBe('任务派遣');
  });
});
