import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assignment } from '../../../../../shared/schemas/dispatch.js';
import type { CityReference } from '../../../../../client/src/stores/reference.js';
import { ApiError } from '../../../../../client/src/services/api.js';
import { useReferenceStore } from '../../../../../client/src/stores/reference.js';
import { i18n } from '../../../../../client/src/i18n/index.js';
import AssignmentControls from '../../../../../client/src/desk/dispatch/AssignmentControls.vue';

const changeAssignment = vi.hoisted(() => vi.fn());
vi.mock('../../../../../client/src/dispatch/dispatch-api.js', () => ({ changeAssignment }));

const shelter: Assignment = {
  id: 'a1',
  exercise: false,
  target: { kind: 'alert', id: 'x', label: '台风' },
  resourceId: 'sh',
  resourceName: '体育馆避护场所',
  resourceType: 'shelter',
  district: '441702',
  kind: 'shelter',
  item: 'occupancy',
  quantity: 480,
  state: 'on_scene',
  createdAt: '2026-12-07T00:00:00.000Z',
  createdBy: 'duty',
  updatedAt: '2026-12-07T00:00:00.000Z',
  updatedBy: 'duty',
  history: [],
};

beforeEach(() => {
  setActivePinia(createPinia());
  useReferenceStore().city = { resources: [{ id: 'sh', type: 'shelter', name: '体育馆避护场所', location: { lon: 111.9, lat: 21.6 }, district: '441702', capacity: 500 }] } as unknown as CityReference;
  changeAssignment.mockReset();
});
afterEach(() => {
  i18n.global.locale.value = 'zh-CN';
});

const mountControls = () => mount(AssignmentControls, { props: { assignment: shelter, mayAct: true }, global: { plugins: [i18n] } });

describe('a shelter’s occupancy on the desk', () => {
  it('sends arrivals and departures as the new occupancy, and caps the count typed at the pack capacity', async () => {
    const w = mountControls();
    expect(w.get('[data-testid="occupancy-input"]').attributes('max')).toBe('500');
    await w.get('[data-testid="occupancy-step"]').setValue(15);
    await w.get('[data-testid="occupancy-arrive"]').trigger('click');
    expect(changeAssignment).toHaveBeenLastCalledWith('a1', { quantity: 495 });
    await w.get('[data-testid="occupancy-leave"]').trigger('click');
    expect(changeAssignment).toHaveBeenLastCalledWith('a1', { quantity: 465 });
  });

  it('says in the user’s language when the occupancy asked is over capacity', async () => {
    changeAssignment.mockRejectedValueOnce(new ApiError(409, 'insufficient_stock', 'over', [{ path: 'body.quantity', message: 'over' }], { free: 20, total: 500 }));
    const w = mountControls();
    await w.get('[data-testid="occupancy-step"]').setValue(30);
    await w.get('[data-testid="occupancy-arrive"]').trigger('click');
    await flushPromises();
    expect(w.get('[role="alert"]').text()).toBe('超出容量：该场所最多安置 500 人，尚余 20 个床位');
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(w.get('[data-testid="occupancy-arrive"]').text()).toBe('+ Arrived');
  });
});
