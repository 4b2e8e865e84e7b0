import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshDelayMs, tokenTimes, useSessionKeeper } from '../../../../client/src/composables/useSessionKeeper.js';
import { createAppRouter } from '../../../../client/src/router.js';
import { liveSocket } from '../../../../client/src/services/socket.js';

vi.mock('../../../../client/src/services/socket.js', () => ({ liveSocket: { connect: vi.fn(), disconnect: vi.fn() } }));
vi.mock('../../../../client/src/views/ScreenView.vue', () => ({ default: { render: () => null } }));

/** An unsigned JWT with the given claims: the client never verifies, it only reads times. */
function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.sig`;
}

describe('token times', () => {
  it('reads iat and exp from a base64url payload', () => {
    // A payload whose base64url form needs the - and _ characters.
    expect(tokenTimes(jwt({ sub: 'leader~~~>>>???', iat: 100, exp: 43_300 }))).toEqual({ iat: 100, exp: 43_300 });
  });

  it('is null for a token without exp or not a JWT at all', () => {
    expect(tokenTimes(jwt({ sub: 'x' }))).toBeNull();
    expect(tokenTimes('not-a-token')).toBeNull();
  });
});

describe('refreshDelayMs', () => {
  const iat = 1_700_000_000;
  const exp = iat + 12 * 3600;

  it('is due at half the lifetime', () => {
    expect(refreshDelayMs(jwt({ iat, exp }), iat * 1000)).toBe(6 * 3_600_000);
    expect(refreshDelayMs(jwt({ iat, exp }), (iat + 3600) * 1000)).toBe(5 * 3_600_000);
  });

  it('is due at once past half-life (a wall rebooted with an old token)', () => {
    expect(refreshDelayMs(jwt({ iat, exp }), (iat + 7 * 3600) * 1000)).toBe(0);
    expect(refreshDelayMs(jwt({ iat, exp }), (exp + 60) * 1000)).toBe(0);
  });

  it('halves the remaining time when the token has no iat, and schedules nothing without exp', () => {
    expect(refreshDelayMs(jwt({ exp }), iat * 1000)).toBe(6 * 3_600_000);
    expect(refreshDelayMs(jwt({ iat }), iat * 1000)).toBeNull();
  });
});

describe('useSessionKeeper', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('refreshes at half-life, reconnects the socket with the new token, and ends on a refused refresh', async () => {
    const t0 = 1_700_000_000;
    vi.useFakeTimers({ now: t0 * 1000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const user = { username: 'leader', role: 'leader', districts: null };
    const first = jwt({ sub: 'leader', iat: t0, exp: t0 + 3600 });
    const second = jwt({ sub: 'leader', iat: t0 + 1800, exp: t0 + 5400 });
    localStorage.setItem('cockpit.session', JSON.stringify({ token: first, user }));
    const fetch = vi.fn(async () => new Response(JSON.stringify({ token: second, user }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);

    const pinia = createPinia();
    const router = createAppRouter(pinia);
    const Keeper = defineComponent({ setup: () => (useSessionKeeper(), () => h('div')) });
    mount(Keeper, { global: { plugins: [pinia, router] } });
    await router.push('/screen');
    expect(liveSocket.connect).toHaveBeenLastCalledWith(first);

    await vi.advanceTimersByTimeAsync(1800 * 1000 - 1);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledWith('/api/v1/auth/refresh', { method: 'POST', headers: { authorization: `Bearer ${first}` } });
    expect(liveSocket.connect).toHaveBeenLastCalledWith(second);
    expect(JSON.parse(localStorage.getItem('cockpit.session')!).token).toBe(second);

    fetch.mockResolvedValue(new Response('{}', { status: 401 }));
    await vi.advanceTimersByTimeAsync(1800 * 1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(liveSocket.disconnect).toHaveBeenCalled();
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe('/screen');
  });

  it('tries again later when the server cannot be reached, keeping the session', async () => {
    const t0 = 1_700_000_000;
    vi.useFakeTimers({ now: t0 * 1000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    localStorage.setItem('cockpit.session', JSON.stringify({ token: jwt({ iat: t0, exp: t0 + 600 }), user: { username: 'leader', role: 'leader', districts: null } }));
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    const pinia = createPinia();
    const router = createAppRouter(pinia);
    mount(defineComponent({ setup: () => (useSessionKeeper(), () => h('div')) }), { global: { plugins: [pinia, router] } });
    await router.push('/screen');
    await vi.advanceTimersByTimeAsync(300 * 1000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * 1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(router.currentRoute.value.path).toBe('/screen');
  });
});
