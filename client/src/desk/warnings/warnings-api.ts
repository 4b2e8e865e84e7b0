import type { WarningContent, WarningMessage, WebhookDelivery, WebhookReceiver, WebhookReceiverInput } from '../../../../shared/schemas/warning.js';
import { api } from '../../services/api.js';

const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body: JSON.stringify(body) });

/** The warnings API (docs/API.md → Warnings published) and the webhook receivers of /admin. */
export const warningsApi = {
  list: (exercise: boolean) => api<{ items: WarningMessage[] }>(`/api/v1/warnings?exercise=${exercise}&limit=100`).then((r) => r.items),
  draft: (content: WarningContent, exercise: boolean) => post<WarningMessage>('/api/v1/warnings', { content, exercise }),
  update: (id: string, content: WarningContent) => post<WarningMessage>(`/api/v1/warnings/${encodeURIComponent(id)}/update`, { content }),
  cancel: (id: string, reason: string) => post<WarningMessage>(`/api/v1/warnings/${encodeURIComponent(id)}/cancel`, { reason }),
  approve: (id: string) => post<WarningMessage>(`/api/v1/warnings/${encodeURIComponent(id)}/approve`),
  reject: (id: string, reason: string) => post<WarningMessage>(`/api/v1/warnings/${encodeURIComponent(id)}/reject`, { reason }),
  receivers: () => api<{ items: WebhookReceiver[] }>('/api/v1/admin/webhooks').then((r) => r.items),
  addReceiver: (r: WebhookReceiverInput) => post<{ receiver: WebhookReceiver; secret: string }>('/api/v1/admin/webhooks', r),
  patchReceiver: (id: string, patch: Partial<WebhookReceiverInput>) => api<WebhookReceiver>(`/api/v1/admin/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(patch) }),
  removeReceiver: (id: string) => api<null>(`/api/v1/admin/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  deliveries: () => api<{ items: WebhookDelivery[] }>('/api/v1/admin/webhooks/deliveries?limit=100').then((r) => r.items),
  retry: (id: string) => post<null>(`/api/v1/admin/webhooks/deliveries/${encodeURIComponent(id)}/retry`),
};
