import { z } from 'zod';
import { resourceType, type Resource, type ResourceType } from '../../../../shared/schemas/city-pack.js';
import { assignmentKindOf, type ResourceUsage } from '../../../../shared/domain/dispatch.js';

/** Options of `resource-summary`: which kinds of resource are counted. */
export const resourceSummaryOptions = z.object({
  types: z.array(resourceType).min(1).default(['rescue_team', 'warehouse', 'shelter']),
});
export type ResourceSummaryOptions = z.infer<typeof resourceSummaryOptions>;

/** One district's resources by type. */
export interface DistrictResources {
  adcode: string;
  counts: Record<ResourceType, number>;
}

export interface ResourceSummary {
  districts: DistrictResources[];
  totals: Record<ResourceType, number>;
  /** People the shelters hold (where the city pack states a capacity). */
  shelterCapacity: number;
}

const none = (): Record<ResourceType, number> => ({ rescue_team: 0, warehouse: 0, shelter: 0, medical: 0, fire_station: 0 });

/**
 * Emergency resources of the chosen types per district, in the city's district order, with
 * city totals and the shelters' capacity.
 */
export function summariseResources(resources: readonly Resource[], districtOrder: readonly string[], types: readonly ResourceType[]): ResourceSummary {
  const by = new Map(districtOrder.map((d) => [d, none()]));
  const totals = none();
  let shelterCapacity = 0;
  for (const r of resources) {
    if (!types.includes(r.type)) continue;
    const counts = by.get(r.district) ?? by.set(r.district, none()).get(r.district)!;
    counts[r.type]++;
    totals[r.type]++;
    if (r.type === 'shelter') shelterCapacity += r.capacity ?? 0;
  }
  return { districts: [...by].map(([adcode, counts]) => ({ adcode, counts })), totals, shelterCapacity };
}

/** What is out across the city: teams dispatched, sandbags left in the warehouses, shelters open and their occupancy. */
export interface DispatchTotals {
  teamsOut: number;
  teams: number;
  sandbagsLeft: number;
  sheltersOpen: number;
  occupancy: number;
  /** Capacity of the open shelters. */
  openCapacity: number;
}

/** Sums {@link DispatchTotals} from the pack and what each resource has committed (shared/domain/dispatch.ts). */
export function dispatchTotals(resources: readonly Resource[], usage: ReadonlyMap<string, ResourceUsage>): DispatchTotals {
  const out: DispatchTotals = { teamsOut: 0, teams: 0, sandbagsLeft: 0, sheltersOpen: 0, occupancy: 0, openCapacity: 0 };
  for (const r of resources) {
    const u = usage.get(r.id);
    const kind = assignmentKindOf(r.type);
    if (kind === 'team') {
      out.teams++;
      if (u) out.teamsOut++;
    } else if (kind === 'material') out.sandbagsLeft += u?.items.sandbags?.free ?? r.materials?.sandbags ?? 0;
    else if (u) {
      out.sheltersOpen++;
      out.occupancy += u.items.occupancy?.committed ?? 0;
      out.openCapacity += r.capacity ?? 0;
    }
  }
  return out;
}
