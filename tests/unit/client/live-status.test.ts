import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import LiveStatus from '../../../client/src/LiveStatus.vue';

describe('start page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server\'s error message when the login is refused, and stays signed out', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'invalid_credentials', message: 'Invalid username or password', issues: [] } }), { status: 401 }));
    vi.stubGlobal('fetch', fetch);
    const page = mount(LiveStatus);
    await page.find('input[type="password"]').setValue('wrong');
    await page.find('form').trigger('submit');
    await flushPromises();
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ username: 'leader', password: 'wrong' }) }));
    expect(page.find('.error').text()).toBe('Invalid username or password');
    expect(page.find('form').exists()).toBe(true);
  });
});
