import type { Rng } from './prng.js';

/**
 * Material codes of warehouse stocks and their units (documented in docs/CITY_PACK.md).
 * Codes rather than Chinese labels so the client can translate them.
 */
export const MATERIALS = {
  sandbags: '编织袋/沙袋 (条)',
  life_jackets: '救生衣 (件)',
  lifebuoys: '救生圈 (个)',
  rescue_boats: '冲锋舟 (艘)',
  tents: '帐篷 (顶)',
  folding_beds: '折叠床 (张)',
  quilts: '棉被 (床)',
  tarpaulins: '彩条布 (块)',
  generators: '发电机 (台)',
  drainage_pumps: '排涝水泵 (台)',
  drinking_water: '饮用水 (箱)',
  instant_food: '方便食品 (箱)',
  flashlights: '手电筒 (把)',
  chainsaws: '油锯 (台)',
  wind_extinguishers: '风力灭火机 (台)',
} as const;
export type MaterialCode = keyof typeof MATERIALS;

/** A plausible stock: typhoon gear on the coast, forest-fire gear in the hills; city depots hold more. */
export function materialsFor(rng: Rng, where: { coastal: boolean; hilly: boolean; major: boolean }): Record<string, number> {
  const scale = where.major ? 4 : 1;
  const q = (min: number, max: number, step: number): number => Math.round((rng.int(min, max) * scale) / step) * step;
  const stock: Partial<Record<MaterialCode, number>> = {
    sandbags: q(2000, 8000, 100),
    life_jackets: q(100, 500, 10),
    tents: q(20, 150, 5),
    folding_beds: q(50, 300, 10),
    quilts: q(100, 600, 10),
    tarpaulins: q(100, 800, 10),
    generators: q(2, 10, 1),
    drainage_pumps: q(4, 20, 1),
    drinking_water: q(200, 1500, 10),
    instant_food: q(100, 1000, 10),
    flashlights: q(50, 300, 10),
  };
  if (where.coastal) {
    stock.rescue_boats = q(2, 8, 1);
    stock.lifebuoys = q(50, 300, 10);
  }
  if (where.hilly) {
    stock.chainsaws = q(5, 20, 1);
    stock.wind_extinguishers = q(10, 40, 1);
  }
  return stock;
}
