import { afterEach, beforeEach, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { ref } from 'vue';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { caseViews } from '../../../../client/src/live/cases/index.js';
import { CaseViews } from '../../../../client/src/live/cases/views.js';
import { LIVE_SOURCE, type LiveSource } from '../../../../client/src/services/live-source.js';
import { i18n } from '../../../../client/src/i18n/index.js';
import type { GridCase } from '../../../../shared/schemas/grid-event.js';
import { apiCalls, merges } from './mount-mocks.js';

/** Mounting real widgets for mount-*.test.ts (each file mocks the chart handle and the API with ./mount-mocks.js). */

// The live worker, in process: its case book and views, with messages structured-cloned as
// postMessage does. The widgets get it as their page's live source (LIVE_SOURCE), not from the socket.
export const live = (() => {
  const book = new CaseBook();
  const watchers = new Map<number, (data: unknown) => void>();
  const views = new CaseViews(book, (msg) => msg.type === 'view' && watchers.get(msg.view)?.(structuredClone(msg.data)), caseViews);
  let next = 1;
  const source = {
    state: ref('live'),
    watch(spec: never, onData: (data: unknown) => void) {
      const id = next++;
      watchers.set(id, onData);
      views.watch(id, structuredClone(spec));
      return { id, update: (s: never) => views.watch(id, structuredClone(s)), stop: () => watchers.delete(id) && views.unwatch(id) };
    },
    ask: () => Promise.resolve(null),
  } as unknown as LiveSource;
  return { source, feed: (cases: GridCase[]) => views.changed(book.apply(cases, Date.now())) };
})();

let pinia: Pinia;
export const mountWidget = (component: unknown, props: Record<string, unknown>) =>
  mount(component as never, { props: props as never, global: { plugins: [pinia, i18n], provide: { [LIVE_SOURCE as symbol]: live.source } } });

/** Fake timers from 2026-07-01 02:30 UTC, a fresh pinia, no recorded merges or calls, zh-CN. */
export function useMountedWidgets(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-07-01T02:30:00Z') });
    pinia = createPinia();
    setActivePinia(pinia);
    merges.length = 0;
    apiCalls.length = 0;
    i18n.global.locale.value = 'zh-CN';
  });
  afterEach(() => vi.useRealTimers());
}
