import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UsersTab from '../../../../client/src/admin/UsersTab.vue';
import type { AdminUser } from '../../../../client/src/admin/admin-api.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { fakeApi, mountAdmin } from './fixtures.js';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const USERS: AdminUser[] = [
  { username: 'admin', role: 'admin', districts: null, disabled: false, createdAt: '2026-12-01T00:00:00Z' },
  { username: 'grid', role: 'grid', districts: ['441702', '441704'], disabled: true, createdAt: '2026-12-02T08:30:00Z' },
];

async function open(routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ 'GET /api/v1/admin/users': { body: { items: USERS } }, ...routes });
  const w = mountAdmin(UsersTab);
  await flushPromises();
  return { w, ...api };
}

async function fill(w: Awaited<ReturnType<typeof open>>['w'], values: { username: string; password: string; role?: string }) {
  await w.get('#new-user-name').setValue(values.username);
  await w.get('#new-user-password').setValue(values.password);
  if (values.role) await w.get('#new-user-role').setValue(values.role);
}

describe('users tab', () => {
  it('lists each account with its role, districts by name, status and creation time (China time)', async () => {
    const { w, seen } = await open();
    expect(seen[0]!.authorization).toBe('Bearer admin.token.sig');
    const cells = w
      .get('[data-user="grid"]')
      .findAll('th, td')
      .map((c) => c.text());
    expect(cells.slice(0, 5)).toEqual(['grid', '网格管理员', '江城区、阳东区', '已停用', '2026-12-02 16:30:00']);
    expect(w.get('[data-user="admin"]').findAll('td')[1]!.text()).toBe('全市');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(w.get('[data-user="grid"]').findAll('td')[1]!.text()).toBe('Jiangcheng District, Yangdong District');
  });

  it("shows a 422's message next to the field it names, and nothing is added", async () => {
    const { w, seen } = await open({
      'POST /api/v1/admin/users': {
        status: 422,
        body: { error: { code: 'validation_failed', message: 'Invalid input', issues: [{ path: 'username', message: 'must be 3–32 letters, digits, . _ -' }] } },
      },
    });
    await fill(w, { username: 'a b', password: 'correct-horse-battery' });
    await w.get('[data-testid="user-create"]').trigger('submit');
    await flushPromises();
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/admin/users', body: { username: 'a b', password: 'correct-horse-battery', role: 'duty' } });
    expect(w.get('[data-field-error="username"]').text()).toBe('must be 3–32 letters, digits, . _ -');
    expect(w.get('#new-user-name').attributes('aria-invalid')).toBe('true');
    expect(w.get('[data-testid="form-error"]').text()).toBe('请检查标出的字段');
    expect(w.findAll('[data-user]')).toHaveLength(2);
  });

  it('says plainly that a username is taken (409)', async () => {
    const { w } = await open({ 'POST /api/v1/admin/users': { status: 409, body: { error: { code: 'conflict', message: 'user grid exists' } } } });
    await fill(w, { username: 'grid', password: 'correct-horse-battery' });
    await w.get('[data-testid="user-create"]').trigger('submit');
    await flushPromises();
    expect(w.get('[data-field-error="username"]').text()).toBe('用户名 grid 已存在，请换一个');
    expect(w.get('[data-testid="form-error"]').text()).toBe('操作冲突：user grid exists');
  });

  it('refuses a short password and a grid worker without districts before asking the server', async () => {
    const { w, seen } = await open();
    await fill(w, { username: 'wang', password: 'short', role: 'grid' });
    await w.get('[data-testid="user-create"]').trigger('submit');
    expect(w.get('[data-field-error="password"]').text()).toBe('密码至少需要 12 个字符');
    expect(w.get('[data-field-error="districts"]').text()).toBe('网格管理员至少选择一个区县');
    expect(seen.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('creates a grid worker with the chosen districts and lists it', async () => {
    const created: AdminUser = { username: 'wang', role: 'grid', districts: ['441704'], disabled: false, createdAt: '2026-12-06T01:00:00Z' };
    const { w, seen } = await open({ 'POST /api/v1/admin/users': { status: 201, body: created } });
    await fill(w, { username: 'wang', password: 'correct-horse-battery', role: 'grid' });
    await w.get('input[type="checkbox"][value="441704"]').setValue(true);
    await w.get('[data-testid="user-create"]').trigger('submit');
    await flushPromises();
    expect(seen.at(-1)!.body).toEqual({ username: 'wang', password: 'correct-horse-battery', role: 'grid', districts: ['441704'] });
    expect(w.get('[data-user="wang"]').findAll('td')[1]!.text()).toBe('阳东区');
    expect(w.get('[role="status"]').text()).toBe('已创建用户 wang');
  });

  it('edits an account: enables it, shows a refused demotion (409), resets its password', async () => {
    const { w, seen } = await open({
      'PATCH /api/v1/admin/users/grid': ({ body }) => ({ body: { ...USERS[1], ...(body as object) } }),
      'PATCH /api/v1/admin/users/admin': { status: 409, body: { error: { code: 'self_change', message: 'an admin cannot demote itself' } } },
      'POST /api/v1/admin/users/grid/password': { status: 204 },
    });
    await w.get('[data-user="grid"] button').trigger('click');
    await flushPromises();
    expect(document.activeElement?.textContent).toBe('编辑用户 grid');
    await w.get('[data-testid="toggle-disabled"]').trigger('click');
    await flushPromises();
    expect(seen.at(-1)).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/users/grid', body: { disabled: false } });
    expect(w.get('[data-user="grid"]').findAll('td')[2]!.text()).toBe('启用');

    await w.get('#edit-user-password').setValue('a-new-long-password');
    await w.get('[data-testid="user-editor"] form:last-of-type').trigger('submit');
    await flushPromises();
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/admin/users/grid/password', body: { password: 'a-new-long-password' } });
    expect(w.get('[data-testid="user-editor"] [role="status"]').text()).toBe('已重置 grid 的密码');

    await w.get('[data-user="admin"] button').trigger('click');
    await w.get('#edit-user-role').setValue('duty');
    await w.get('[data-testid="user-editor"] form').trigger('submit');
    await flushPromises();
    expect(seen.at(-1)).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/users/admin', body: { role: 'duty', districts: null } });
    expect(w.get('[data-testid="form-error"]').text()).toBe('操作冲突：an admin cannot demote itself');
    expect(w.get('[data-user="admin"]').findAll('td')[0]!.text()).toBe('系统管理员');

    await w.get('[data-testid="user-editor"] button.close').trigger('click');
    await flushPromises();
    expect(w.find('[data-testid="user-editor"]').exists()).toBe(false);
    expect(document.activeElement).toBe(w.get('[data-user="admin"] button').element);
  });

  it('says when the list cannot be loaded, and retries', async () => {
    const { w, fetch } = await open({ 'GET /api/v1/admin/users': { status: 404, body: { error: { code: 'not_found', message: 'no route' } } } });
    expect(w.get('[data-testid="load-error"]').text()).toContain('加载失败：对象不存在或接口不可用');
    await w.get('[data-testid="load-error"] button').trigger('click');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("marks the field a PATCH's 422 names under the request body (body.districts)", async () => {
    const { w } = await open({
      'PATCH /api/v1/admin/users/grid': {
        status: 422,
        body: { error: { code: 'validation_failed', message: 'Invalid input', issues: [{ path: 'body.districts', message: 'a grid user needs at least one district' }] } },
      },
    });
    await w.get('[data-user="grid"] button').trigger('click');
    await w.get('[data-testid="user-editor"] form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid="user-editor"] [data-field-error="districts"]').text()).toBe('a grid user needs at least one district');
  });
});
