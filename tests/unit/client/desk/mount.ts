import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ref, type Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { vi } from 'vitest';
import type { ViewSpec } from '../../../../client/src/live/protocol.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import { LIVE_SOURCE, type LiveSource } from '../../../../client/src/services/live-source.js';
import { useReferenceStore } from '../../../../client/src/stores/reference.js';
import { useSessionStore, type SessionUser } from '../../../../client/src/stores/session.js';
import { yangjiang } from '../map/fixtures.js';

/** A live source that records the views watched (their latest spec) and lets the test post their data. */
export function fakeSource() {
  const watched: { spec: ViewSpec; post: (data: never) => void; stopped: boolean }[] = [];
  const source: LiveSource = {
    state: ref('live'),
    watch(spec, onData) {
      const w = { spec: spec as ViewSpec, post: onData as (data: never) => void, stopped: false };
      watched.push(w);
      return { id: watched.length, update: (next) => (w.spec = next), stop: () => (w.stopped = true) };
    },
    ask: vi.fn(),
  };
  return { source, watched };
}

export const DUTY: SessionUser = { username: 'duty', role: 'duty', districts: null };
export const GRID: SessionUser = { username: 'grid', role: 'grid', districts: ['441702'] };
export const LEADER: SessionUser = { username: 'leader', role: 'leader', districts: null };

/** Mounts a desk component as /desk mounts it: pinia with the user and the city, i18n, a router at `path`, a fake live source. */
export async function mountDesk(component: Component, opts: { props?: Record<string, unknown>; user?: SessionUser; path?: string; stubs?: Record<string, boolean> } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  i18n.global.locale.value = 'zh-CN';
  useReferenceStore().city = yangjiang();
  const session = useSessionStore();
  session.token = 'a.b.c';
  session.user = opts.user ?? DUTY;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/desk', component: { render: () => null } }] });
  await router.push(opts.path ?? '/desk');
  const { source, watched } = fakeSource();
  const w = mount(component, {
    props: opts.props ?? {},
    global: { plugins: [pinia, i18n, router], provide: { [LIVE_SOURCE as symbol]: source }, stubs: opts.stubs ?? {} },
    attachTo: document.body,
  });
  return { w, router, watched, session };
}
