import { describe, expect, it, vi } from 'vitest';
import { handleInboxKey, type InboxKeyActions } from '../../../../../client/src/desk/alerts/inbox-keys.js';

function actions(selected: string | null = null) {
  const state = { selected };
  const act = {
    rows: () => ['a1', 'a2', 'a3'],
    selected: () => state.selected,
    select: vi.fn((id: string) => (state.selected = id)),
    open: vi.fn(),
    acknowledge: vi.fn(),
  } satisfies InboxKeyActions;
  return { act, state };
}
const key = (k: string, over: Partial<KeyboardEvent> = {}) => ({ key: k, target: null, altKey: false, ctrlKey: false, metaKey: false, ...over });

describe('handleInboxKey', () => {
  it('moves with the arrows and j/k, stopping at the ends', () => {
    const { act, state } = actions();
    handleInboxKey(key('ArrowDown'), act);
    expect(state.selected).toBe('a1');
    handleInboxKey(key('j'), act);
    handleInboxKey(key('j'), act);
    handleInboxKey(key('j'), act);
    expect(state.selected).toBe('a3');
    handleInboxKey(key('k'), act);
    handleInboxKey(key('ArrowUp'), act);
    handleInboxKey(key('ArrowUp'), act);
    expect(state.selected).toBe('a1');
  });

  it('opens with Enter and acknowledges with a, on the selected row only', () => {
    const { act } = actions('a2');
    expect(handleInboxKey(key('Enter'), act)).toBe(true);
    expect(act.open).toHaveBeenCalledWith('a2');
    handleInboxKey(key('a'), act);
    expect(act.acknowledge).toHaveBeenCalledWith('a2');
    const none = actions(null);
    expect(handleInboxKey(key('Enter'), none.act)).toBe(false);
    expect(none.act.open).not.toHaveBeenCalled();
  });

  it('leaves keys typed into a field, or with a modifier, alone', () => {
    const { act } = actions('a2');
    const input = document.createElement('input');
    expect(handleInboxKey(key('a', { target: input }), act)).toBe(false);
    expect(handleInboxKey(key('j', { target: input }), act)).toBe(false);
    expect(handleInboxKey(key('a', { ctrlKey: true }), act)).toBe(false);
    expect(act.acknowledge).not.toHaveBeenCalled();
    expect(act.select).not.toHaveBeenCalled();
  });
});
