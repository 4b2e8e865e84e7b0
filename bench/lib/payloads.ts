import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CITY_DIR = fileURLToPath(new URL('../../mock-data/cities/441700/', import.meta.url));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(CITY_DIR + file, 'utf8')) as T;

const CATEGORIES = readJson<{ code: string; name: string }[]>('categories.json');
const STATIONS = readJson<{ id: string; kind: 'air' | 'water' | 'noise' }[]>('stations.json');

/** Where generated cases lie: within ±0.05° of this point (阳江 city centre). */
export const CASES_CENTRE = { lon: 111.98, lat: 21.86 };

/** Deterministic PRNG (mulberry32) so every run sends the same mix. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAMP_SEP = '@';

/**
 * A sourceId that carries its send time, so a client computes ingest-to-client latency from
 * the item alone — the same as a sourceId → send-time map, without shipping the map around.
 */
export function stampedSourceId(prefix: string, n: number, sentAtMs: number): string {
  return `${prefix}-${n}${STAMP_SEP}${sentAtMs.toFixed(3)}`;
}

/** The send time a {@link stampedSourceId} carries, or NaN for any other id. */
export function sentAtOf(sourceId: string): number {
  const at = sourceId.lastIndexOf(STAMP_SEP);
  return at < 0 ? NaN : Number(sourceId.slice(at + 1));
}

/** Builds valid grid events (`POST /api/v1/ingest/grid-events`), each with a fresh sourceId. */
export function gridEventFactory(prefix: string, seed = 1) {
  const rnd = prng(seed);
  let n = 0;
  return (count: number, sentAtMs = 0): object[] => {
    const reportedAt = new Date().toISOString();
    const out: object[] = [];
    for (let i = 0; i < count; i++) {
      const cat = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!;
      out.push({
        sourceId: stampedSourceId(prefix, n++, sentAtMs),
        source: 'sensor',
        category: cat.code,
        title: cat.name,
        location: { lon: +(CASES_CENTRE.lon + (rnd() - 0.5) * 0.1).toFixed(6), lat: +(CASES_CENTRE.lat + (rnd() - 0.5) * 0.1).toFixed(6) },
        reportedAt,
      });
    }
    return out;
  };
}

const NORMAL_VALUES = {
  air: { so2: 8, no2: 22, pm10: 42, pm25: 21, co: 0.6, o3: 64, pm10_24h: 40, pm25_24h: 20, o3_8h: 58 },
  water: { ph: 7.3, do: 8.1, codmn: 1.6, nh3n: 0.1, tp: 0.02 },
  noise: { leq: 46 },
};

/**
 * Builds valid, unremarkable observations (`POST /api/v1/ingest/observations`) round-robin over
 * the city's stations, 100 ms apart so (station, time) never repeats.
 */
export function observationFactory(baseMs = Date.now()) {
  let n = 0;
  return (count: number): object[] => {
    const out: object[] = [];
    for (let i = 0; i < count; i++, n++) {
      const s = STATIONS[n % STATIONS.length]!;
      out.push({ kind: s.kind, stationId: s.id, observedAt: new Date(baseMs - n * 100).toISOString(), values: NORMAL_VALUES[s.kind] });
    }
    return out;
  };
}
