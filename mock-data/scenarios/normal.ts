import { everydayWeather } from '../generators/weather.js';
import { HOUR, MINUTE } from '../simulator/time.js';
import { everydayAlert, MEAN_ALERT_GAP } from './everyday-alerts.js';
import { burstCases, everydayCases } from './everyday-cases.js';
import type { Scenario } from './types.js';

/**
 * An ordinary day in the city (real data, not a drill): 1,500–3,000 cases a day on the
 * working-hours rhythm, bursts of cases around incidents, citizen reports through Open311,
 * and now and then a blue or yellow warning that is later lifted. The first warning comes
 * within half an hour so a fresh demo shows one.
 */
export function createNormalScenario(seed: number): Scenario {
  let nextAlertAt: number | undefined;
  // Hazard → end of its warning, so one hazard never has two warnings in force.
  const inForce = new Map<string, number>();
  const scenario: Scenario = {
    name: 'normal',
    exercise: false,
    weatherAt: (ms) => everydayWeather(seed, ms),
    step(ctx, from, to) {
      everydayCases(ctx, scenario, from, to);
      burstCases(ctx, scenario, from, to);
      nextAlertAt ??= ctx.start + ctx.rng.alerts.range(3, 30) * MINUTE;
      while (nextAlertAt < to) {
        const at = Math.max(nextAlertAt, from);
        const busy = new Set([...inForce].filter(([, end]) => end > at).map(([hazard]) => hazard));
        const messages = everydayAlert(ctx, at, busy);
        if (messages) {
          ctx.schedule(messages);
          const first = messages[0]!;
          const last = messages[messages.length - 1]!;
          if (first.channel === 'alert') inForce.set(first.payload.event.replace(/预警信号$/, ''), last.at);
        }
        nextAlertAt = at + Math.max(HOUR, ctx.rng.alerts.exp(MEAN_ALERT_GAP));
      }
    },
  };
  return scenario;
}
