import type { CaseCategory } from '../../shared/schemas/city-pack.js';
import type { CaseSource } from '../../shared/schemas/grid-event.js';
import type { SimDistrict } from '../simulator/city.js';
import type { Rng } from '../simulator/rng.js';
import { categoryTags } from './categories.js';
import { ASKS, CODE_DETAILS, DETAILS, ESTATES, IMPACTS, SIDES, SINCE } from './case-phrases.js';
import { districtRoads } from './places.js';

/** Where a case is, as a report names it: short for the title, long for the address. */
export interface CasePlace {
  /** "东风二路与漠阳路交叉口", "岗列农贸市场附近" … */
  place: string;
  /** The place with the district and a house number where there is one. */
  address: string;
}

/**
 * A place in the district as people name it: a house number on a road, a crossing, a
 * landmark of the city pack (camera sites, schools, parks), or an estate's gate.
 */
export function casePlace(rng: Rng, district: SimDistrict): CasePlace {
  const roads = districtRoads(district.adcode);
  const road = rng.pick(roads);
  const u = rng.next();
  if (u < 0.3 || (u < 0.7 && district.landmarks.length === 0)) {
    const n = rng.int(1, 300);
    return { place: road, address: `${district.name}${road}${n}号附近` };
  }
  if (u < 0.5) {
    const other = rng.pick(roads.filter((r) => r !== road).length ? roads.filter((r) => r !== road) : roads);
    const place = `${road}与${other}交叉口`;
    return { place, address: `${district.name}${place}` };
  }
  if (u < 0.8 && district.landmarks.length > 0) {
    const landmark = rng.pick(district.landmarks);
    const place = rng.chance(0.5) ? `${landmark}附近` : `${landmark}${rng.pick(SIDES)}侧约${rng.int(2, 20) * 10}米`;
    return { place, address: `${district.name}${place}` };
  }
  const place = `${road}${rng.pick(ESTATES)}门口`;
  return { place, address: `${district.name}${place}` };
}

/** A detail of the problem fitting its category, with `{n}` filled. */
export function caseDetail(rng: Rng, category: CaseCategory): string {
  const tag = categoryTags(category)[0];
  const phrase = rng.pick(CODE_DETAILS[category.code] ?? (tag ? DETAILS[tag] : IMPACTS));
  return phrase.replace('{n}', String(rng.int(2, 6)));
}

/** The texts of one case: title, description, address. */
export interface CaseTexts extends CasePlace {
  title: string;
  description: string;
}

/**
 * Title and description as each channel writes them: an inspector's terse finding, a
 * caller's complaint in their own words, a camera's detection with its confidence, a
 * sensor's alarm. The place, the detail, the impact and the wording all vary, so the cases
 * of one category read like different reports.
 */
export function caseTexts(rng: Rng, source: Exclude<CaseSource, 'open311'>, category: CaseCategory, district: SimDistrict, cause?: string): CaseTexts {
  const at = casePlace(rng, district);
  const what = category.name;
  const detail = caseDetail(rng, category);
  const why = cause ? `（${cause}）` : '';
  const title = rng.pick([`${at.place}${what}`, `${what}：${at.place}`, `${district.name}${at.place}${what}`]);
  const pick = (...options: string[]) => rng.pick(options);
  let description: string;
  switch (source) {
    case 'inspector':
      description = pick(
        `网格员巡查发现${at.place}${detail}${why}，已拍照取证。`,
        `${at.place}${detail}，经现场核实属${what}，${rng.pick(IMPACTS)}。`,
        `日常巡查发现${at.place}${what}${why}：${detail}，建议尽快处置。`,
      );
      break;
    case 'hotline':
    case 'citizen':
      description = pick(
        `市民来电反映：${at.place}${detail}，${rng.pick(SINCE)}，${rng.pick(ASKS)}。`,
        `来电人称${at.place}${detail}${why}，${rng.pick(IMPACTS)}，${rng.pick(ASKS)}。`,
        `市民反映${at.place}存在${what}问题，${detail}，${rng.pick(ASKS)}。`,
      );
      break;
    case 'video_ai':
      description = pick(
        `视频AI识别：${at.place}疑似${what}，置信度${rng.range(0.78, 0.98).toFixed(2)}。`,
        `智能分析告警：${at.place}画面中${detail}（置信度${rng.range(0.78, 0.98).toFixed(2)}），待人工复核。`,
      );
      break;
    case 'sensor':
      description = pick(`感知设备告警：${at.place}${what}${why}，请核实。`, `物联感知终端上报：${at.place}${detail}，已持续${rng.int(5, 55)}分钟。`);
      break;
  }
  return { ...at, title, description };
}
