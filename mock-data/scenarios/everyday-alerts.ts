import type { AlertCategory } from '../../shared/schemas/alert.js';
import type { WarningLevel } from '../../shared/schemas/common.js';
import { issuer, signalMessage, type Issuer, type SignalSpec } from '../generators/alert-factory.js';
import type { SimDistrict } from '../simulator/city.js';
import type { Outbound } from '../simulator/messages.js';
import { HOUR, MINUTE, localParts } from '../simulator/time.js';
import type { ScenarioContext } from './types.js';

/** An everyday warning the normal scenario may issue. */
export interface EverydayAlertKind {
  hazard: string;
  category: AlertCategory;
  /** Local months (1–12) in which it occurs. */
  months: readonly number[];
  /** First level, and the level it may be raised to. */
  levels: readonly [WarningLevel] | readonly [WarningLevel, WarningLevel];
  where: 'all' | 'coastal' | 'inland';
  from: Issuer;
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Blue and yellow signals of a South China coastal city through the year. */
export const EVERYDAY_ALERTS: readonly EverydayAlertKind[] = [
  { hazard: '暴雨', category: 'rainstorm', months: range(4, 10), levels: ['blue', 'yellow'], where: 'all', from: 'weather' },
  { hazard: '高温', category: 'other', months: range(5, 10), levels: ['yellow'], where: 'all', from: 'weather' },
  { hazard: '大风', category: 'other', months: range(1, 12), levels: ['blue', 'yellow'], where: 'coastal', from: 'weather' },
  { hazard: '大雾', category: 'other', months: [12, 1, 2, 3, 4], levels: ['yellow'], where: 'coastal', from: 'weather' },
  { hazard: '寒冷', category: 'other', months: [12, 1, 2], levels: ['yellow'], where: 'all', from: 'weather' },
  { hazard: '森林火险', category: 'forest_fire', months: [10, 11, 12, 1, 2, 3], levels: ['yellow'], where: 'inland', from: 'emergency' },
  { hazard: '地质灾害气象风险', category: 'geological', months: range(4, 9), levels: ['blue', 'yellow'], where: 'inland', from: 'natural_resources' },
];

/** Mean time between everyday warnings, in simulated time. */
export const MEAN_ALERT_GAP = 6 * HOUR;

function districtsFor(all: readonly SimDistrict[], where: EverydayAlertKind['where']): SimDistrict[] {
  const chosen = where === 'all' ? all : all.filter((d) => d.coastal === (where === 'coastal'));
  return chosen.length > 0 ? [...chosen] : [...all];
}

/**
 * One everyday warning issued at `at`, with its whole life: the Alert, in three cases out
 * of ten a raise to the next level, and the lifting (Cancel) 2–6 hours later. Null when no
 * kind fits the season or every fitting hazard already has a warning in force (`busy`).
 */
export function everydayAlert(ctx: ScenarioContext, at: number, busy: ReadonlySet<string> = new Set()): Outbound[] | null {
  const rng = ctx.rng.alerts;
  const { month } = localParts(at);
  const kinds = EVERYDAY_ALERTS.filter((k) => k.months.includes(month) && !busy.has(k.hazard));
  if (kinds.length === 0) return null;
  const kind = rng.pick(kinds);
  const from = issuer(ctx.city, kind.from);
  const districts = districtsFor(ctx.city.districts, kind.where);
  const end = at + rng.range(2, 6) * HOUR;
  const base = { exercise: false, from, category: kind.category, hazard: kind.hazard, districts, expires: at + 12 * HOUR };
  const first: SignalSpec = { ...base, identifier: ctx.nextId('YJ'), sent: at, msgType: 'Alert', level: kind.levels[0] };
  const messages = [signalMessage(first)];
  let last = first;
  const raise = kind.levels[1];
  if (raise && rng.chance(0.3)) {
    const sent = at + rng.range(40, 100) * MINUTE;
    const update: SignalSpec = { ...base, identifier: ctx.nextId('YJ'), sent, msgType: 'Update', level: raise, previous: { identifier: last.identifier, sent: last.sent, level: last.level } };
    messages.push(signalMessage(update));
    last = update;
  }
  const cancel: SignalSpec = {
    ...base,
    identifier: ctx.nextId('YJ'),
    sent: Math.max(end, last.sent + 20 * MINUTE),
    msgType: 'Cancel',
    level: last.level,
    previous: { identifier: last.identifier, sent: last.sent, level: last.level },
  };
  messages.push(signalMessage(cancel));
  return messages;
}
