import type { Camera } from '../../shared/schemas/city-pack.js';
import type { PlacedAnchor } from './anchors.js';
import type { AnchorTag } from './profiles/index.js';
import { createRng } from './prng.js';
import { type DistrictShape, sampleNear } from './sampling.js';

/** Generic camera spots by the character of the place; prefixed with the place name. */
const SPOTS: Partial<Record<AnchorTag, string[]>> = {
  urban: ['人民路口', '中山路口', '建设路口', '汽车客运站', '农贸市场', '文化广场', '学校门口', '步行街', '医院门口', '商业广场'],
  coast: ['海堤', '渔港码头', '避风塘', '海滨公路'],
  island: ['环岛路', '景区入口'],
  port: ['港区大门', '码头'],
  industrial: ['工业园大门', '物流园', '产业园路口'],
  river: ['河堤', '水闸', '大桥'],
  rail: ['站前广场', '铁路桥'],
  scenic: ['景区停车场', '游客中心'],
  rural: ['圩镇路口', '国道路口', '农贸市场'],
  mountain: ['山塘水库', '林区路口', '省道路口'],
};

/** Busy places get more cameras. */
function weight(a: PlacedAnchor): number {
  if (a.isSeat) return 5;
  if (a.tags.includes('urban')) return 3;
  if (a.tags.some((t) => t === 'industrial' || t === 'port' || t === 'scenic')) return 2;
  return 1;
}

/** 10–20 video cameras per district, clustered where people and traffic are. */
export function generateCameras(shape: DistrictShape, anchors: PlacedAnchor[]): Camera[] {
  const rng = createRng(`${shape.adcode}:cameras`);
  const pool = anchors.flatMap((a) => Array.from({ length: weight(a) }, () => a));
  const count = rng.int(10, 20);
  const used = new Set<string>();
  const cameras: Camera[] = [];
  for (let attempt = 0; cameras.length < count && attempt < count * 20; attempt++) {
    const anchor = rng.pick(pool);
    // Curated places keep their own spot names only: generic ones read oddly there (产业园工业园大门).
    const options = (anchor.spots ?? anchor.tags.flatMap((t) => SPOTS[t] ?? []).map((s) => `${anchor.name}${s}`)).filter((s) => !used.has(s));
    if (options.length === 0) continue;
    const name = rng.pick(options);
    used.add(name);
    cameras.push({
      id: `${shape.adcode}-cam-${String(cameras.length + 1).padStart(3, '0')}`,
      name,
      location: sampleNear(shape, rng, anchor.at, anchor.isSeat ? 1.5 : 0.8),
      district: shape.adcode,
    });
  }
  return cameras;
}
