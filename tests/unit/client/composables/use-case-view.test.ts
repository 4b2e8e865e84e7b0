import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick, ref } from 'vue';
import { useCaseView } from '../../../../client/src/composables/useCaseView.js';
import type { ViewData, ViewSpec } from '../../../../client/src/live/protocol.js';
import { LIVE_SOURCE, type LiveSource } from '../../../../client/src/services/live-source.js';

type Cells = Extract<ViewSpec, { kind: 'case-cells' }>;

/** A live source that records the views watched and lets the test post their data. */
function fakeSource() {
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

/** A widget over cases: it watches the busiest cells of its mode and lists them. */
const CellsWidget = defineComponent({
  props: { status: { type: String as () => Cells['status'], required: true } },
  setup(props) {
    const rows = ref<ViewData['case-cells']>([]);
    useCaseView(
      () => ({ kind: 'case-cells', mode: 'real', status: props.status, limit: 3 }),
      (data) => (rows.value = data),
    );
    return () =>
      h(
        'ol',
        rows.value.map((r) => h('li', `${r.cell}:${r.count}`)),
      );
  },
});

describe('useCaseView through the page’s live source', () => {
  it('watches the view on the provided source, follows its spec, shows its data and stops on unmount', async () => {
    const { source, watched } = fakeSource();
    const w = mount(CellsWidget, { props: { status: 'open' }, global: { provide: { [LIVE_SOURCE as symbol]: source } } });
    expect(watched.map((v) => v.spec)).toEqual([{ kind: 'case-cells', mode: 'real', status: 'open', limit: 3 }]);
    watched[0]!.post([{ cell: 'G1', count: 4, at: { lon: 112, lat: 21.9 } }] as never);
    await nextTick();
    expect(w.text()).toBe('G1:4');
    await w.setProps({ status: 'overdue' });
    expect(watched).toHaveLength(1);
    expect(watched[0]!.spec).toMatchObject({ status: 'overdue' });
    w.unmount();
    expect(watched[0]!.stopped).toBe(true);
  });

  it('fails loudly when mounted without a live source', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => mount(CellsWidget, { props: { status: 'open' } })).toThrow('no live source');
    warn.mockRestore();
  });
});
