import type { CityPack } from './city-pack.js';

/** The first inconsistency between the files of a pack, or null. */
export interface PackProblem {
  file: string;
  detail: string;
}

function duplicate(values: string[]): { value: string; index: number } | null {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return { value, index };
    seen.add(value);
  }
  return null;
}

/**
 * Cross-file checks the schemas cannot express: the manifest belongs to the folder, the
 * boundaries and the manifest list the same districts, every item names a known district,
 * ids are unique, categories are dispatched to departments that exist, and a category on the
 * working clock has a calendar in city.json to count on.
 */
export function checkCityPack(adcode: string, pack: Omit<CityPack, 'stationById' | 'categoryByCode'>): PackProblem | null {
  if (pack.manifest.adcode !== adcode) {
    return { file: 'city.json', detail: `adcode: is ${pack.manifest.adcode} but the folder is ${adcode}` };
  }
  const listed = new Set(pack.manifest.districts.map((d) => d.adcode));
  for (const [i, f] of pack.districts.features.entries()) {
    if (!listed.has(f.properties.adcode)) {
      return { file: 'districts.geojson', detail: `features[${i}].properties.adcode: ${f.properties.adcode} is not listed in city.json` };
    }
  }
  const bounded = new Set(pack.districts.features.map((f) => f.properties.adcode));
  for (const [i, d] of pack.manifest.districts.entries()) {
    if (!bounded.has(d.adcode)) return { file: 'city.json', detail: `districts[${i}].adcode: ${d.adcode} has no boundary in districts.geojson` };
  }
  const lists: Array<[string, Array<{ id: string; district: string }>]> = [
    ['stations.json', pack.stations],
    ['resources.json', pack.resources],
    ['cameras.json', pack.cameras],
  ];
  for (const [file, items] of lists) {
    const dup = duplicate(items.map((x) => x.id));
    if (dup) return { file, detail: `[${dup.index}].id: duplicate id ${dup.value}` };
    const bad = items.findIndex((x) => !listed.has(x.district));
    if (bad >= 0) return { file, detail: `[${bad}].district: unknown district ${items[bad]!.district}` };
  }
  const depDup = duplicate(pack.departments.map((d) => d.id));
  if (depDup) return { file: 'departments.json', detail: `[${depDup.index}].id: duplicate id ${depDup.value}` };
  const catDup = duplicate(pack.categories.map((c) => c.code));
  if (catDup) return { file: 'categories.json', detail: `[${catDup.index}].code: duplicate code ${catDup.value}` };
  const senderDup = duplicate(pack.senders.map((x) => x.id));
  if (senderDup) return { file: 'senders.json', detail: `[${senderDup.index}].id: duplicate sender ${senderDup.value}` };
  const departments = new Set(pack.departments.map((d) => d.id));
  const orphan = pack.categories.findIndex((c) => !departments.has(c.department));
  if (orphan >= 0) {
    return { file: 'categories.json', detail: `[${orphan}].department: unknown department ${pack.categories[orphan]!.department}` };
  }
  const planProblem = checkPlans(pack.plans, departments);
  if (planProblem) return planProblem;
  const uncounted = pack.manifest.calendar ? -1 : pack.categories.findIndex((c) => c.clock === 'working');
  if (uncounted >= 0) return { file: 'categories.json', detail: `[${uncounted}].clock: working hours need a calendar in city.json` };
  return null;
}

/** Plan ids are unique and every department a plan names is in departments.json. */
function checkPlans(plans: CityPack['plans'], departments: ReadonlySet<string>): PackProblem | null {
  const dup = duplicate(plans.map((p) => p.id));
  if (dup) return { file: 'plans.json', detail: `[${dup.index}].id: duplicate plan ${dup.value}` };
  for (const [i, p] of plans.entries()) {
    const named: Array<[string, string]> = [
      ['lead', p.lead],
      ...p.support.map((d, k): [string, string] => [`support[${k}]`, d]),
      ...p.steps.map((s, k): [string, string] => [`steps[${k}].department`, s.department]),
    ];
    const unknown = named.find(([, d]) => !departments.has(d));
    if (unknown) return { file: 'plans.json', detail: `[${i}].${unknown[0]}: unknown department ${unknown[1]}` };
  }
  return null;
}
