import type { HandoverReport, HandoverSummary } from '../../../shared/contracts/handover.js';
import type { DutyShift, ShiftRequest } from '../../../shared/schemas/roster.js';
import { api, apiBlob } from '../services/api.js';

/** Who is on duty now and the next shift (`GET /api/v1/roster/now`). */
export interface OnDuty {
  current: DutyShift | null;
  next: DutyShift | null;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

/** The roster and handover calls of docs/API.md (Duty roster, Shift handover). */
export const handoverApi = {
  onDuty: () => api<OnDuty>('/api/v1/roster/now'),
  roster: (from: string, to: string) => api<{ items: DutyShift[] }>(`/api/v1/roster?${new URLSearchParams({ from, to })}`).then((r) => r.items),
  createShift: (s: ShiftRequest) => api<DutyShift>('/api/v1/roster', json('POST', s)),
  updateShift: (id: string, s: ShiftRequest) => api<DutyShift>(`/api/v1/roster/${encodeURIComponent(id)}`, json('PUT', s)),
  deleteShift: (id: string) => api<null>(`/api/v1/roster/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  importRoster: (csv: string, replace: boolean) =>
    api<{ imported: number; replaced: number }>(`/api/v1/roster/import?replace=${replace}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }),
  template: () => apiBlob('/api/v1/roster/template.csv'),
  draft: (shiftId?: string) => api<HandoverReport>(`/api/v1/handovers/draft${shiftId ? `?shiftId=${encodeURIComponent(shiftId)}` : ''}`),
  submit: (shiftId: string, note: string) => api<HandoverReport>('/api/v1/handovers', json('POST', { shiftId, note })),
  sign: (id: string, comment: string) => api<HandoverReport>(`/api/v1/handovers/${encodeURIComponent(id)}/sign`, json('POST', comment.trim() ? { comment } : {})),
  reports: () => api<{ items: HandoverSummary[] }>('/api/v1/handovers').then((r) => r.items),
  report: (id: string) => api<HandoverReport>(`/api/v1/handovers/${encodeURIComponent(id)}`),
  csv: (id: string) => apiBlob(`/api/v1/handovers/${encodeURIComponent(id)}/report.csv`),
};
