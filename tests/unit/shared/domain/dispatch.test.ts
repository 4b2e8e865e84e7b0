import { describe, expect, it } from 'vitest';
import { canMove, resourceUsage } from '../../../../shared/domain/dispatch.js';
import type { Resource } from '../../../../shared/schemas/city-pack.js';
import type { Assignment } from '../../../../shared/schemas/dispatch.js';

const wh: Resource = { id: 'wh', type: 'warehouse', name: 'W', location: { lon: 0, lat: 0 }, district: '441702', materials: { sandbags: 100 } };
const team: Resource = { id: 't', type: 'rescue_team', name: 'T', location: { lon: 0, lat: 0 }, district: '441702', capacity: 30 };
const a = (over: Partial<Assignment>): Assignment => ({ id: 'x', exercise: false, resourceId: 'wh', kind: 'material', item: 'sandbags', quantity: 10, state: 'assigned', ...over }) as Assignment;

describe('dispatch rules', () => {
  it('moves an assignment forward only, and cancels it from any active state', () => {
    expect(canMove('assigned', 'on_scene')).toBe(true);
    expect(canMove('on_scene', 'en_route')).toBe(false);
    expect(canMove('en_route', 'cancelled')).toBe(true);
    expect(canMove('done', 'cancelled')).toBe(false);
    expect(canMove('cancelled', 'done')).toBe(false);
  });

  it('sums what active assignments of one mode hold, per resource and item', () => {
    const usage = resourceUsage(
      [wh, team],
      [a({ quantity: 30 }), a({ quantity: 50 }), a({ quantity: 5, state: 'done' }), a({ quantity: 40, exercise: true }), a({ resourceId: 't', kind: 'team', item: 'people', quantity: 12 })],
      false,
    );
    expect(usage.get('wh')).toEqual({ items: { sandbags: { total: 100, committed: 80, free: 20 } }, assignments: 2 });
    expect(usage.get('t')!.items.people).toEqual({ total: 30, committed: 12, free: 18 });
    expect(resourceUsage([wh], [a({ quantity: 40, exercise: true })], true).get('wh')!.items.sandbags!.free).toBe(60);
  });
});
