import type { Observation } from '../../../../shared/schemas/observation.js';
import type { Station } from '../../../../shared/schemas/city-pack.js';
import { aqiCategory, POLLUTANT_LABELS, type Pollutant } from '../../../../shared/domain/aqi.js';
import { CHINA_OFFSET_MS } from '../../../../shared/domain/time.js';
import { DEFAULT_WATER_TARGET } from './assess.js';

/** What a notice says: the standard or target beside the measured value, always. */
export interface EpisodeTexts {
  event: string;
  headline: string;
  description: string;
  instruction?: string;
}

/** Standard AQI limit of a good day (良): above it a reading is polluted. */
const AQI_LIMIT = 100;

const hhmm = (at: string) => new Date(Date.parse(at) + CHINA_OFFSET_MS).toISOString().slice(11, 16);

/** Target and measured value of one reading, in the words of its standard. */
function measure(station: Station, o: Observation): { subject: string; breach: string; recovered: string; figures: string; advice: string } {
  const a = o.assessment;
  if (station.kind === 'water') {
    const target = station.targetClass ?? DEFAULT_WATER_TARGET;
    return {
      subject: '水质',
      breach: '未达标',
      recovered: '恢复达标',
      figures: `目标 ${target} 类，实测 ${a.waterClass ?? '—'} 类`,
      advice: '请生态环境、水务部门排查上游排口，加密监测，必要时启动水污染应急预案。',
    };
  }
  if (station.kind === 'noise') {
    return {
      subject: '噪声',
      breach: '超标',
      recovered: '恢复达标',
      figures: `限值 ${a.noiseLimit ?? '—'} dB(A)，实测 ${(o.values.leq ?? 0).toFixed(1)} dB(A)`,
      advice: '请生态环境、城管执法部门核查周边施工与社会生活噪声源，依法处置。',
    };
  }
  const name = a.aqi !== undefined ? aqiCategory(a.aqi).nameZh : '—';
  const primary = (a.primaryPollutants ?? []).map((p) => POLLUTANT_LABELS[p as Pollutant] ?? p).join('、');
  return {
    subject: '空气质量',
    breach: name,
    recovered: '恢复良好',
    figures: `限值 AQI ${AQI_LIMIT}，实测 AQI ${a.aqi ?? '—'}${primary ? `（首要污染物 ${primary}）` : ''}`,
    advice: '儿童、老年人及心脏病、呼吸系统疾病患者应减少户外活动；请生态环境部门加强巡查，督促重点污染源减排。',
  };
}

/**
 * Texts of an environment notice for the newest reading: a breach (with how many readings it
 * has lasted) or the recovery that ends it. Drill notices say so first.
 */
export function episodeTexts(station: Station, o: Observation, runLength: number, exercise: boolean): EpisodeTexts {
  const m = measure(station, o);
  const drill = exercise ? '【演练】' : '';
  const origin = '本提示由城市环境监测规则生成，不是官方预警。';
  if (!o.assessment.breach) {
    return {
      event: `${m.subject}${m.recovered}`,
      headline: `${drill}${station.name} ${m.subject}${m.recovered}：${m.figures}`,
      description: `${hhmm(o.observedAt)} ${station.name}${m.subject}${m.recovered}（${m.figures}），环境提示结束。${origin}`,
    };
  }
  return {
    event: `${m.subject}${m.breach}`,
    headline: `${drill}${station.name} ${m.subject}${m.breach}：${m.figures}`,
    description: `${hhmm(o.observedAt)} ${station.name}${m.figures}，已连续 ${runLength} 次监测${m.breach === '未达标' || m.breach === '超标' ? m.breach : '超过限值'}。${origin}`,
    instruction: m.advice,
  };
}
