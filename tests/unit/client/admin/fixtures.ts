import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi, type Mock } from 'vitest';
import type { Component } from 'vue';
import { i18n } from '../../../../client/src/i18n/index.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import { useSessionStore } from '../../../../client/src/stores/session.js';
import { yangjiang } from '../map/fixtures.js';

/** One canned answer of the fake admin API. */
export interface Reply {
  status?: number;
  body?: unknown;
  /** A non-JSON body (the CSV export). */
  text?: string;
  type?: string;
}

/** A request the fake API saw. */
export interface Seen {
  method: string;
  url: string;
  body: unknown;
  authorization: string | null;
}

/**
 * Stubs `fetch` with answers by "METHOD path" (the path without its query); a handler may
 * be a function of the request. Everything not listed is a 404. Returns what was asked.
 */
export function fakeApi(routes: Record<string, Reply | ((seen: Seen) => Reply)>): { seen: Seen[]; fetch: Mock } {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const s: Seen = { method, url: input, body: typeof init.body === 'string' ? JSON.parse(init.body) : null, authorization: headers.get('authorization') };
    seen.push(s);
    const route = routes[`${method} ${input.split('?')[0]}`];
    const r = typeof route === 'function' ? route(s) : (route ?? { status: 404, body: { error: { code: 'not_found', message: 'no such route' } } });
    if (r.text !== undefined) return new Response(r.text, { status: r.status ?? 200, headers: { 'content-type': r.type ?? 'text/plain' } });
    if (r.body === undefined) return new Response(null, { status: r.status ?? 204 });
    return new Response(JSON.stringify(r.body), { status: r.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { seen, fetch };
}

/** A fresh Pinia with an admin signed in and the city's reference data loaded. */
export function adminSession() {
  localStorage.clear();
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.token = 'admin.token.sig';
  session.user = { username: 'admin', role: 'admin', districts: null };
  useReferenceStore().city = yangjiang();
  i18n.global.locale.value = 'zh-CN';
  return pinia;
}

/** Mounts a component of the console in the document (focus and keyboard work there). */
export function mountAdmin(component: Component, pinia = adminSession()) {
  return mount(component, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
}
