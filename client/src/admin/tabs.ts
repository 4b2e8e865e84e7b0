import type { Component } from 'vue';
import { can, type Permission } from '../../../shared/auth/policy.js';
import AuditTab from './AuditTab.vue';
import HealthTab from './HealthTab.vue';
import KeysTab from './KeysTab.vue';
import UsersTab from './UsersTab.vue';
import WebhooksTab from './WebhooksTab.vue';
import RosterTab from './RosterTab.vue';

/** A tab of /admin and the permission it needs (an admin has them all; the list says which call each tab makes). */
export interface AdminTab {
  id: 'users' | 'keys' | 'audit' | 'health' | 'webhooks' | 'roster';
  permission: Permission;
  component: Component;
}

export const ADMIN_TABS: readonly AdminTab[] = [
  { id: 'users', permission: 'users:manage', component: UsersTab },
  { id: 'keys', permission: 'keys:manage', component: KeysTab },
  { id: 'audit', permission: 'audit:read', component: AuditTab },
  { id: 'health', permission: 'system:health', component: HealthTab },
  { id: 'webhooks', permission: 'webhooks:manage', component: WebhooksTab },
  { id: 'roster', permission: 'roster:manage', component: RosterTab },
];

/** The tabs `user` may open. */
export function tabsFor(user: { role: string } | null | undefined): AdminTab[] {
  return ADMIN_TABS.filter((tab) => can(user, tab.permission));
}
