import { describe, expect, it } from 'vitest';
import { resourceUsage } from '../../../../shared/domain/dispatch.js';
import type { Assignment } from '../../../../shared/schemas/dispatch.js';
import { resourceDetails, resourceFeature } from '../../../../client/src/map/layers/resources.mapping.js';
import { dispatchTotals } from '../../../../client/src/widgets/ResourceSummary/resource-summary.js';
import { alertPoint } from '../../../../client/src/dispatch/alert-point.js';
import { mapFormat, yangjiang } from '../map/fixtures.js';

const city = yangjiang();
const byId = (id: string) => city.resources.find((r) => r.id === id)!;
const TEAM = '441702-rescue-team-02';
const WAREHOUSE = '441702-warehouse-01';
const SHELTER = '441702-shelter-02';
const a = (over: Partial<Assignment>): Assignment => ({ id: 'x', exercise: false, state: 'assigned', kind: 'team', item: 'people', quantity: 1, resourceId: TEAM, ...over }) as Assignment;
const out = [
  a({ quantity: 12 }),
  a({ kind: 'material', item: 'sandbags', quantity: 500, resourceId: WAREHOUSE }),
  a({ kind: 'shelter', item: 'occupancy', quantity: 300, resourceId: SHELTER }),
  a({ kind: 'material', item: 'sandbags', quantity: 900, resourceId: WAREHOUSE, exercise: true }),
];

describe('what is committed and free, on the map and the 应急资源 panel', () => {
  it('rings a resource that has something out, only in the mode it was dispatched in', () => {
    const real = resourceUsage(city.resources, out, false);
    expect(resourceFeature(byId(TEAM), real).properties.committed).toBe(true);
    expect(resourceFeature(byId('441702-rescue-team-01'), real).properties.committed).toBe(false);
    expect(resourceFeature(byId(TEAM), resourceUsage(city.resources, out, true)).properties.committed).toBe(false);
  });

  it('shows free of total and what is committed in the popup', () => {
    const fmt = mapFormat('zh-CN');
    const usage = resourceUsage(city.resources, out, false);
    const sandbags = resourceDetails(byId(WAREHOUSE), fmt, usage).fields.find((f) => f.label === '沙袋')!;
    expect(sandbags.value).toBe(`${fmt.number(27_300)} / ${fmt.number(27_800)} · 已调用 500`);
    const people = resourceDetails(byId(TEAM), fmt, usage).fields.find((f) => f.label === '出动人数')!;
    expect(people.value).toBe('12 / 150');
  });

  it('sums teams out, sandbags left and the open shelters’ occupancy for the panel', () => {
    const teams = city.resources.filter((r) => ['rescue_team', 'fire_station', 'medical'].includes(r.type)).length;
    const sandbags = city.resources.reduce((n, r) => n + (r.materials?.sandbags ?? 0), 0);
    expect(dispatchTotals(city.resources, resourceUsage(city.resources, out, false))).toEqual({
      teamsOut: 1,
      teams,
      sandbagsLeft: sandbags - 500,
      sheltersOpen: 1,
      occupancy: 300,
      openCapacity: byId(SHELTER).capacity,
    });
    expect(dispatchTotals(city.resources, resourceUsage(city.resources, out, true)).sandbagsLeft).toBe(sandbags - 900);
  });

  it('measures an alert from its circle, its polygon, or its first district', () => {
    const districts = city.manifest.districts;
    expect(alertPoint({ areas: [{ areaDesc: 'x', polygons: [], circles: [{ lon: 112, lat: 22, radiusKm: 5 }], geocodes: [] }], districts: [] }, districts)).toEqual({ lon: 112, lat: 22 });
    const ring: [number, number][] = [
      [111, 21],
      [113, 21],
      [113, 23],
      [111, 23],
      [111, 21],
    ];
    expect(alertPoint({ areas: [{ areaDesc: 'x', polygons: [ring], circles: [], geocodes: [] }], districts: [] }, districts)).toEqual({ lon: 112, lat: 22 });
    expect(alertPoint({ areas: [], districts: ['441702'] }, districts)).toEqual(districts.find((d) => d.adcode === '441702')!.center);
    expect(alertPoint({ areas: [], districts: [] }, districts)).toBeNull();
  });
});
