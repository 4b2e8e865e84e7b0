import { readEchartsMap, toDistrictCollection } from './city-pack-builder/boundaries.js';
import { toShape, contains } from './city-pack-builder/sampling.js';
const [city, lat0, lat1, lon0, lon1, step] = process.argv.slice(2);
const shapes = toDistrictCollection(readEchartsMap(city!)).features.map(toShape);
const st = Number(step ?? 0.01);
for (let lat = Number(lat1); lat >= Number(lat0) - 1e-9; lat -= st) {
  let row = lat.toFixed(3) + ' ';
  for (let lon = Number(lon0); lon <= Number(lon1) + 1e-9; lon += st) {
    const s = shapes.findIndex((s) => contains(s, lon, lat));
    row += s < 0 ? '.' : String(s);
  }
  console.log(row);
}
console.log(shapes.map((s, i) => i + '=' + s.name).join(' '), 'lon from', lon0);
