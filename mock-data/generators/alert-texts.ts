import type { WarningLevel } from '../../shared/schemas/common.js';

/** Colour words as signal names use them (台风红色预警信号). */
export const COLOUR_ZH: Record<WarningLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };

/**
 * What each signal means, after the national meteorological warning signal definitions
 * (中国气象局《气象灾害预警信号发布与传播办法》) and Guangdong practice.
 */
const MEANING: Record<string, Partial<Record<WarningLevel, string>>> = {
  台风: {
    blue: '24小时内可能或者已经受热带气旋影响，沿海或者陆地平均风力达6级以上，或者阵风8级以上并可能持续。',
    yellow: '24小时内可能或者已经受热带气旋影响，沿海或者陆地平均风力达8级以上，或者阵风10级以上并可能持续。',
    orange: '12小时内可能或者已经受热带气旋影响，沿海或者陆地平均风力达10级以上，或者阵风12级以上并可能持续。',
    red: '6小时内可能或者已经受热带气旋影响，沿海或者陆地平均风力达12级以上，或者阵风达14级以上并可能持续。',
  },
  暴雨: {
    blue: '12小时内降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。',
    yellow: '6小时内降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。',
    orange: '3小时内降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。',
    red: '3小时内降雨量将达100毫米以上，或者已达100毫米以上且降雨可能持续。',
  },
  高温: { yellow: '连续三天日最高气温将在35℃以上。' },
  大风: {
    blue: '24小时内可能受大风影响，平均风力可达6级以上，或者阵风7级以上。',
    yellow: '12小时内可能受大风影响，平均风力可达8级以上，或者阵风9级以上。',
  },
  大雾: { yellow: '12小时内可能出现能见度小于500米的雾，或者已经出现并可能持续。' },
  寒冷: { yellow: '受寒潮影响，48小时内最低气温将降至5℃以下。' },
  森林火险: { yellow: '森林火险气象等级为四级，林区可燃物较易燃烧，森林火灾较易发生。' },
  地质灾害气象风险: {
    blue: '受持续降雨影响，部分山区发生地质灾害的风险较高。',
    yellow: '受强降雨影响，山区发生崩塌、滑坡、泥石流等地质灾害的风险高。',
  },
};

const INSTRUCTION: Record<string, string> = {
  台风: '做好防台风准备；渔船回港避风，海上作业人员撤离；加固门窗、围板、棚架、广告牌等易被风吹动的搭建物；危险地带人员转移。',
  暴雨: '注意防范城市内涝和山洪；切断低洼地带危险室外电源；暂停户外作业；驾驶人员注意道路积水和交通阻塞。',
  高温: '避免午后高温时段户外活动；对老、弱、病、幼人群提供防暑降温指导；注意防范用电量过高引起的电线、变压器等电力设备火灾。',
  大风: '关好门窗，加固围板、棚架、广告牌等易被风吹动的搭建物；海上作业注意安全。',
  大雾: '驾驶人员注意雾的变化，小心驾驶；机场、高速公路、轮渡码头加强调度和交通安全管理。',
  寒冷: '注意防寒保暖；做好农作物、水产养殖防寒防冻；做好用火用电安全。',
  森林火险: '林区禁止野外用火；加强巡山护林和火源管理；做好扑火队伍和物资准备。',
  地质灾害气象风险: '加强地质灾害隐患点巡查监测；危险区人员及时撤离；避免在陡坡、沟谷停留。',
};

/** The meaning of a signal at a level (falls back to a generic sentence). */
export function signalMeaning(hazard: string, level: WarningLevel): string {
  return MEANING[hazard]?.[level] ?? `${hazard}${COLOUR_ZH[level]}预警：请注意防范。`;
}

/** What the public should do (falls back to a generic sentence). */
export function signalInstruction(hazard: string): string {
  return INSTRUCTION[hazard] ?? '请关注最新预警信息，做好防范。';
}
