import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import KeysTab from '../../../../client/src/admin/KeysTab.vue';
import type { IngestKey } from '../../../../client/src/admin/admin-api.js';
import { fakeApi, mountAdmin } from './fixtures.js';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const sim: IngestKey = { id: 'k1', name: 'simulator', createdAt: '2026-12-01T00:00:00Z', revokedAt: null, lastUsedAt: '2026-12-06T04:00:00Z' };
const old: IngestKey = { id: 'k0', name: 'old feed', createdAt: '2026-11-01T00:00:00Z', revokedAt: '2026-11-20T00:00:00Z', lastUsedAt: null };

describe('ingest keys tab', () => {
  it('lists keys: last use, never used, revoked; only a live key can be revoked', async () => {
    fakeApi({ 'GET /api/v1/admin/keys': { body: { items: [sim, old] } } });
    const w = mountAdmin(KeysTab);
    await flushPromises();
    expect(
      w
        .get('[data-key="k1"]')
        .findAll('td')
        .map((c) => c.text()),
    ).toEqual(['2026-12-01 08:00:00', '2026-12-06 12:00:00', '有效', '吊销']);
    expect(
      w
        .get('[data-key="k0"]')
        .findAll('td')
        .map((c) => c.text()),
    ).toEqual(['2026-11-01 08:00:00', '从未使用', '已吊销 2026-11-20 08:00:00', '']);
  });

  it('shows an issued key once, with its warning, and never again after it is dismissed', async () => {
    let keys = [sim];
    const { seen } = fakeApi({
      'GET /api/v1/admin/keys': () => ({ body: { items: keys } }),
      'POST /api/v1/admin/keys': ({ body }) => {
        keys = [...keys, { ...sim, id: 'k2', name: (body as { name: string }).name, lastUsedAt: null }];
        return { status: 201, body: { id: 'k2', name: 'mqtt bridge', key: 'ck_live_0123456789abcdef' } };
      },
    });
    const w = mountAdmin(KeysTab);
    await flushPromises();
    await w.get('#new-key-name').setValue('mqtt bridge');
    await w.get('[data-testid="key-issue"]').trigger('submit');
    await flushPromises();
    expect(seen.find((s) => s.method === 'POST')!.body).toEqual({ name: 'mqtt bridge' });
    const box = w.get('[data-testid="key-once"]');
    expect((box.get('[data-testid="key-secret"]').element as HTMLInputElement).value).toBe('ck_live_0123456789abcdef');
    expect(box.get('[data-testid="key-secret"]').attributes('readonly')).toBeDefined();
    expect(box.get('[role="alert"]').text()).toBe('此密钥只显示这一次，关闭后无法再查看。请立即复制并妥善保存。');
    expect(w.get('[data-key="k2"]').text()).not.toContain('ck_live');

    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await box.get('button.primary').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith('ck_live_0123456789abcdef');
    expect(box.get('[role="status"]').text()).toBe('已复制');

    await w.get('[data-testid="key-dismiss"]').trigger('click');
    expect(w.find('[data-testid="key-once"]').exists()).toBe(false);
    expect(document.body.innerHTML).not.toContain('ck_live_0123456789abcdef');
  });

  it('revokes only after a confirmation, which takes the focus and can be cancelled', async () => {
    let keys = [sim];
    const { seen } = fakeApi({
      'GET /api/v1/admin/keys': () => ({ body: { items: keys } }),
      'DELETE /api/v1/admin/keys/k1': () => {
        keys = [{ ...sim, revokedAt: '2026-12-06T05:00:00Z' }];
        return { status: 204 };
      },
    });
    const w = mountAdmin(KeysTab);
    await flushPromises();
    await w.get('[data-testid="revoke"]').trigger('click');
    await flushPromises();
    expect(w.get('[data-key="k1"] .confirm').text()).toContain('确定吊销密钥「simulator」？');
    expect(document.activeElement).toBe(w.get('[data-testid="revoke-yes"]').element);
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);
    await w.get('[data-key="k1"] .confirm button:last-child').trigger('click');
    expect(w.find('.confirm').exists()).toBe(false);

    await w.get('[data-testid="revoke"]').trigger('click');
    await w.get('[data-testid="revoke-yes"]').trigger('click');
    await flushPromises();
    expect(seen.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual(['/api/v1/admin/keys/k1']);
    expect(w.get('[data-key="k1"]').findAll('td')[2]!.text()).toBe('已吊销 2026-12-06 13:00:00');
    expect(w.find('[data-testid="revoke"]').exists()).toBe(false);
  });
});
