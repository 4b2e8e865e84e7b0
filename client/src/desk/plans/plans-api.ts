import type { z } from 'zod';
import type { PlanActivation, ResponseLevel, ResponsePlan, startInput } from '../../../../shared/schemas/plan.js';
import { api } from '../../services/api.js';

const base = (id: string) => `/api/v1/plans/activations/${encodeURIComponent(id)}`;
const post = (path: string, body: unknown) => api<PlanActivation>(path, { method: 'POST', body: JSON.stringify(body) });

/** The duty officer's commands on a plan activation; each carries the version the officer saw (409 when stale). */
export const planCommands = {
  activate: (a: PlanActivation, input: { fromAlertSent: boolean; note?: string }) => post(`${base(a.id)}/activate`, { version: a.version, ...input }),
  changeLevel: (a: PlanActivation, input: { responseLevel: ResponseLevel; note: string }) => post(`${base(a.id)}/level`, { version: a.version, ...input }),
  setStep: (a: PlanActivation, stepId: string, input: { done: boolean; note?: string }) => post(`${base(a.id)}/steps/${encodeURIComponent(stepId)}`, { version: a.version, ...input }),
  end: (a: PlanActivation, input: { note: string }) => post(`${base(a.id)}/end`, { version: a.version, ...input }),
};

/** What a plan dialog does: start, end or drop a plan, move its level, tick or untick a step. */
export type PlanCommand = { kind: 'activate' | 'end' | 'dismiss' | 'level' } | { kind: 'tick' | 'untick'; stepId: string; stepTitle: string };

/** 手动启动: any plan of the pack, for an alert in force or a reported event (the server checks the rest). */
export const startPlan = (input: z.input<typeof startInput>) => post('/api/v1/plans/activations', input);

let packPlans: Promise<ResponsePlan[]> | null = null;
/** The city pack's plans (fetched once a page; a failure is retried next time). */
export function fetchPackPlans(): Promise<ResponsePlan[]> {
  packPlans ??= api<{ items: ResponsePlan[] }>('/api/v1/plans/')
    .then((r) => r.items)
    .catch((err: unknown) => {
      packPlans = null;
      throw err;
    });
  return packPlans;
}
