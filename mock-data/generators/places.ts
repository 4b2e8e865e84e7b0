import type { LonLat } from '../../shared/schemas/common.js';

/** Road names common to most Chinese towns; used when a district has no own list. */
const COMMON_ROADS = [
  '人民路',
  '建设路',
  '新华路',
  '东风路',
  '解放路',
  '中山路',
  '沿江路',
  '环城路',
  '工业大道',
  '文化路',
  '南山路',
  '北环路',
  '西平路',
  '育才路',
  '幸福路',
  '朝阳路',
  '迎宾大道',
  '商业街',
] as const;

/**
 * Roads of the default city's districts, so addresses read like 阳江 rather than anywhere.
 * The coordinates of a case are sampled separately; the road name is flavour.
 */
const DISTRICT_ROADS: Record<string, readonly string[]> = {
  '441702': ['东风一路', '东风二路', '东风三路', '新江北路', '新江南路', '漠阳路', '石湾北路', '江华路', '金山路', '西平北路', '海滨大道'],
  '441704': ['东城大道', '合山路', '东华路', '湖滨路', '东平大道', '北惯路'],
  '441721': ['织篢大道', '人民大道', '中山路', '沙扒大道', '溪头路'],
  '441781': ['春城大道', '东湖路', '城西路', '河西路', '春湾路'],
};

/** The roads of a district: its own where known, else the common ones. */
export function districtRoads(adcode: string): readonly string[] {
  return DISTRICT_ROADS[adcode] ?? COMMON_ROADS;
}

/** A named place a storm hits hardest (typhoon scenario). */
export interface HotSpot {
  name: string;
  district: string;
  at: LonLat;
}

/**
 * Places on the default city's coast where typhoons do the most damage: 闸坡 on 海陵岛
 * (江城区), the low-lying old town of 江城, 东平 fishing port (阳东), 沙扒 bay (阳西).
 * Positions are approximate; sampling keeps points inside the district anyway.
 */
export const TYPHOON_HOT_SPOTS: Record<string, readonly HotSpot[]> = {
  '441700': [
    { name: '闸坡镇', district: '441702', at: { lon: 111.826, lat: 21.588 } },
    { name: '江城老城区', district: '441702', at: { lon: 111.955, lat: 21.857 } },
    { name: '东平镇', district: '441704', at: { lon: 112.205, lat: 21.73 } },
    { name: '沙扒镇', district: '441721', at: { lon: 111.497, lat: 21.51 } },
  ],
};
