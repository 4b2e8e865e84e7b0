import { noDataSince, sinceLabel } from '../../freshness/no-data.js';
import type { MapFormat } from '../format.js';
import type { DetailField } from './types.js';

/**
 * The popup row of a station that has sent nothing this screen has seen: "暂无数据 · 自 08:00
 * 起", instead of a column of dashes that reads as a broken popup.
 */
export function noReading(fmt: MapFormat, now = Date.now()): DetailField {
  return { label: fmt.t('map.fields.status'), value: fmt.t('map.values.noDataSince', { time: sinceLabel(noDataSince([]), now, fmt.locale()) }) };
}
