import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDataMode } from '../../../../client/src/composables/useDataMode.js';
import { useDrillsStore, useEnvStore } from '../../../../client/src/stores/streams.js';
import type { DrillSession } from '../../../../shared/schemas/drill.js';
import { airReading } from '../fixtures/shell-items.js';

beforeEach(() => setActivePinia(createPinia()));

const session = (id: string, over: Partial<DrillSession> = {}): DrillSession => ({
  id,
  name: '台风演练',
  scenario: 'typhoon',
  districts: ['441702'],
  startedAt: '2026-12-06T02:00:00.000Z',
  startedBy: 'ingest-key',
  endedAt: null,
  endedBy: null,
  lastDataAt: '2026-12-06T02:00:00.000Z',
  ...over,
});

describe('useDataMode', () => {
  it('shows the drill badge while a drill session is open, not while drill data merely lingers', () => {
    const { drillActive } = useDataMode('real');
    useEnvStore().applyDelta([airReading('s1', { exercise: true })]);
    expect(drillActive.value).toBe(false);
    const drills = useDrillsStore();
    drills.applyDelta([session('d1')]);
    expect(drillActive.value).toBe(true);
    drills.applyDelta([session('d1', { endedAt: '2026-12-06T03:00:00.000Z', endedBy: 'ingest-key' })]);
    expect(drillActive.value).toBe(false);
  });

  it('follows the server on reconnect: a snapshot without open sessions clears the badge', () => {
    const { drillActive } = useDataMode('real');
    const drills = useDrillsStore();
    drills.applySnapshot([session('d1')]);
    expect(drillActive.value).toBe(true);
    drills.applySnapshot([]);
    expect(drillActive.value).toBe(false);
  });
});
