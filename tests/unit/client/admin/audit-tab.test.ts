import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AuditTab from '../../../../client/src/admin/AuditTab.vue';
import { auditQuery, type AuditRow } from '../../../../client/src/admin/admin-api.js';
import { fakeApi, mountAdmin } from './fixtures.js';

const row = (seq: number, action = 'case.dispatch'): AuditRow => ({
  seq,
  at: '2026-12-06T02:00:00Z',
  actor: 'duty',
  role: 'duty',
  action,
  target: `case:C-${seq}`,
  ip: '10.0.0.7',
  detail: { before: { status: 'registered' }, after: { status: 'dispatched' } },
});

let saved: { href: string; download: string }[];
beforeEach(() => {
  saved = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ href: this.href, download: this.download });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('auditQuery', () => {
  it('sends only the filled filters, times as instants, and the cursor', () => {
    expect(auditQuery({ from: '', to: '', actor: '', action: '', target: '' })).toBe('');
    const q = new URLSearchParams(auditQuery({ from: '2026-12-06T08:00', to: '', actor: ' duty ', action: 'case.dispatch', target: '' }, 'c2').slice(1));
    expect([...q.keys()]).toEqual(['from', 'actor', 'action', 'cursor']);
    expect(q.get('from')).toBe(new Date('2026-12-06T08:00').toISOString());
    expect(q.get('actor')).toBe('duty');
    expect(q.get('cursor')).toBe('c2');
  });
});

describe('audit tab', () => {
  it('filters, pages with the cursor and exports the filter shown as CSV with the token', async () => {
    const { seen } = fakeApi({
      'GET /api/v1/audit': ({ url }) => (url.includes('cursor=') ? { body: { items: [row(1)], nextCursor: null } } : { body: { items: [row(3), row(2)], nextCursor: 'c2' } }),
      'GET /api/v1/audit.csv': { text: 'seq,at,actor,role,action,target,ip,detail\n', type: 'text/csv' },
    });
    const w = mountAdmin(AuditTab);
    await flushPromises();
    expect(seen[0]!.url).toBe('/api/v1/audit');

    await w.get('#audit-actor').setValue('duty');
    await w.get('#audit-action').setValue('case.dispatch');
    await w.get('#audit-from').setValue('2026-12-06T08:00');
    await w.get('[data-testid="audit-filters"]').trigger('submit');
    await flushPromises();
    const asked = new URL(seen.at(-1)!.url, 'http://x');
    expect(asked.pathname).toBe('/api/v1/audit');
    expect(Object.fromEntries(asked.searchParams)).toEqual({ from: new Date('2026-12-06T08:00').toISOString(), actor: 'duty', action: 'case.dispatch' });
    expect(w.findAll('[data-seq]').map((r) => r.attributes('data-seq'))).toEqual(['3', '2']);

    await w.get('[data-testid="audit-more"]').trigger('click');
    await flushPromises();
    expect(new URL(seen.at(-1)!.url, 'http://x').searchParams.get('cursor')).toBe('c2');
    expect(new URL(seen.at(-1)!.url, 'http://x').searchParams.get('actor')).toBe('duty');
    expect(w.findAll('[data-seq]').map((r) => r.attributes('data-seq'))).toEqual(['3', '2', '1']);
    expect(w.find('[data-testid="audit-more"]').exists()).toBe(false);

    // Half-typed filters are not what the table shows, so the export leaves them out.
    await w.get('#audit-target').setValue('case:C-9');
    await w.get('[data-testid="audit-csv"]').trigger('click');
    await flushPromises();
    const csv = seen.at(-1)!;
    expect(csv.authorization).toBe('Bearer admin.token.sig');
    expect(Object.fromEntries(new URL(csv.url, 'http://x').searchParams)).toEqual({ from: new Date('2026-12-06T08:00').toISOString(), actor: 'duty', action: 'case.dispatch' });
    expect(new URL(csv.url, 'http://x').pathname).toBe('/api/v1/audit.csv');
    expect(saved).toEqual([{ href: 'blob:csv', download: expect.stringMatching(/^audit-\d{4}-\d{2}-\d{2}\.csv$/) }]);
  });

  it("expands a row's detail as JSON", async () => {
    fakeApi({ 'GET /api/v1/audit': { body: { items: [row(5)], nextCursor: null } } });
    const w = mountAdmin(AuditTab);
    await flushPromises();
    const details = w.get('[data-seq="5"] details');
    expect(details.get('summary').text()).toBe('展开详情');
    expect(JSON.parse(details.get('pre').text())).toEqual(row(5).detail);
    expect(w.text()).toContain('已显示全部 1 条');
  });

  it('shows a refused export instead of downloading', async () => {
    fakeApi({ 'GET /api/v1/audit': { body: { items: [], nextCursor: null } }, 'GET /api/v1/audit.csv': { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } });
    const w = mountAdmin(AuditTab);
    await flushPromises();
    expect(w.text()).toContain('没有符合条件的记录');
    await w.get('[data-testid="audit-csv"]').trigger('click');
    await flushPromises();
    expect(saved).toEqual([]);
    expect(w.get('[data-testid="load-error"]').text()).toContain('没有权限执行此操作');
  });
});
