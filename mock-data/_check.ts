import { readEchartsMap, toDistrictCollection } from './city-pack-builder/boundaries.js';
import { toShape, contains } from './city-pack-builder/sampling.js';
import { cityProfiles } from './city-pack-builder/profiles/index.js';
for (const p of cityProfiles.values()) {
  const fc = toDistrictCollection(readEchartsMap(p.adcode));
  const shapes = fc.features.map(toShape);
  const where = (at: [number, number]) => shapes.filter((s) => contains(s, at[0], at[1])).map((s) => s.adcode).join(',') || 'NONE';
  for (const s of shapes) if (!contains(s, s.seat[0], s.seat[1])) console.log('seat outside', s.adcode);
  for (const dp of p.districts) for (const a of dp.anchors) if (a.at && where(a.at) !== dp.adcode) console.log(p.adcode, dp.adcode, a.name, a.at, '->', where(a.at));
  for (const w of p.waterSections) if (w.at && where(w.at) !== w.district) console.log('water', w.name, w.at, '->', where(w.at));
  for (const w of p.extraResources) if (w.at && where(w.at) !== w.district) console.log('res', w.name, w.at, '->', where(w.at));
}
