import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { CityManifest, Station, Resource, Camera, Department, CaseCategory, Sender } from '../../../shared/schemas/city-pack.js';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BasemapSpec } from '../../../shared/contracts/basemap.js';
import { api } from '../services/api.js';

/** District boundaries as the server serves them (properties carry adcode and name). */
export type DistrictFeatures = FeatureCollection<Polygon | MultiPolygon, { adcode: string; name: string; nameEn?: string }>;

/** The city's reference data: manifest, boundaries, stations, resources, cameras. */
export interface CityReference {
  manifest: CityManifest;
  districts: DistrictFeatures;
  categories: CaseCategory[];
  departments: Department[];
  /** CAP senders with their human names, so alerts never show a raw sender id where the pack knows it. */
  senders: Sender[];
  /** The configured basemap (absent or `builtin`: the offline one). */
  basemap?: BasemapSpec;
  stations: Station[];
  resources: Resource[];
  cameras: Camera[];
}

/**
 * Reference data of the city pack, loaded once per session over HTTP; the live streams
 * refer to it by id (station ids, district adcodes, category codes).
 */
export const useReferenceStore = defineStore('reference', () => {
  const city = shallowRef<CityReference | null>(null);
  let loading: Promise<CityReference> | null = null;

  async function fetchAll(): Promise<CityReference> {
    const [c, stations, resources, cameras] = await Promise.all([
      api<Pick<CityReference, 'manifest' | 'districts' | 'categories' | 'departments' | 'senders' | 'basemap'>>('/api/v1/city'),
      api<{ items: Station[] }>('/api/v1/stations'),
      api<{ items: Resource[] }>('/api/v1/resources'),
      api<{ items: Camera[] }>('/api/v1/cameras'),
    ]);
    return { ...c, stations: stations.items, resources: resources.items, cameras: cameras.items };
  }

  /** Loads the reference data (once; later calls share the same promise). */
  function load(): Promise<CityReference> {
    loading ??= fetchAll().then(
      (r) => (city.value = r),
      (err) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  }

  return { city, load };
});
