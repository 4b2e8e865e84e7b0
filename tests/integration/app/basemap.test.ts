import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { Feature, Polygon } from 'geojson';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

interface Land {
  type: 'FeatureCollection';
  bbox: [number, number, number, number];
  features: Feature<Polygon>[];
}
const onLand = (land: Land, lon: number, lat: number) => land.features.some((f) => booleanPointInPolygon(point([lon, lat]), f));

describe('GET /basemap/land.geojson', () => {
  let srv: TestServer;
  let res: Response;
  let land: Land;
  beforeAll(async () => {
    srv = await startTestServer();
    res = await fetch(`${srv.url}/basemap/land.geojson`);
    land = (await res.json()) as Land;
  });
  afterAll(async () => srv.close());

  it('is public, cacheable GeoJSON', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('revalidates with the ETag instead of sending the land again', async () => {
    const again = await fetch(`${srv.url}/basemap/land.geojson`, {
      // As a browser revalidates on reload (fetch would otherwise add `cache-control: no-cache`).
      headers: { 'if-none-match': res.headers.get('etag')!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('covers the city with a margin, and nothing beyond', () => {
    const [w, s, e, n] = land.bbox;
    // Yangjiang's districts span about 111.3–112.4 °E, 21.5–22.7 °N.
    expect(w).toBeLessThan(110.5);
    expect(e).toBeGreaterThan(113);
    expect(s).toBeLessThan(20.8);
    expect(n).toBeGreaterThan(23.4);
    const metre = 1e-5; // the pack rounds coordinates to about a metre
    for (const f of land.features) {
      for (const [lon, lat] of f.geometry.coordinates.flat()) {
        expect(lon).toBeGreaterThanOrEqual(w - metre);
        expect(lon).toBeLessThanOrEqual(e + metre);
        expect(lat).toBeGreaterThanOrEqual(s - metre);
        expect(lat).toBeLessThanOrEqual(n + metre);
      }
    }
  });

  it('draws the real coastline: the city and Hailing Island on land, the sea as sea', () => {
    expect(onLand(land, 111.96, 21.88)).toBe(true); // 江城区, the city centre
    expect(onLand(land, 111.8, 22.2)).toBe(true); // 阳春 inland
    expect(onLand(land, 111.9, 21.62)).toBe(true); // 海陵岛 (joined to the mainland by its causeway in the 1M coastline)
    expect(onLand(land, 111.9, 21.3)).toBe(false); // South China Sea off the coast
  });
});
