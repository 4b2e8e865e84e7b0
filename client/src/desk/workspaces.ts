import type { Component } from 'vue';
import { can, type Permission } from '../../../shared/auth/policy.js';
import DispatchWorkspace from './dispatch/DispatchWorkspace.vue';
import PlansWorkspace from './plans/PlansWorkspace.vue';
import WarningsWorkspace from './warnings/WarningsWorkspace.vue';
import HandoverWorkspace from '../handover/HandoverWorkspace.vue';

/**
 * The desk's centre column holds one workspace at a time: the case queue (built into
 * DeskView, since it drives the keyboard and the drawer) or one registered here. Each
 * registered workspace is a component taking `mode` ('real' | 'drill') and emitting
 * `open-case` (id) and `open-alert` (id) to open the drawer beside it; which one is shown is
 * in the address (`?view=<id>`). Adding a workspace is one entry here and its messages under
 * `desk.views.<id>` in i18n/messages/desk.ts.
 */
export interface DeskWorkspace {
  id: string;
  /** What the user must hold to see the tab (none: everyone on the desk). */
  permission?: Permission;
  component: Component;
}

/** The registered workspaces, in tab order after the case queue. */
export const DESK_WORKSPACES: readonly DeskWorkspace[] = [
  { id: 'plans', component: PlansWorkspace },
  { id: 'dispatch', component: DispatchWorkspace },
  { id: 'warnings', permission: 'warnings:read', component: WarningsWorkspace },
  { id: 'handover', permission: 'handover:write', component: HandoverWorkspace },
];

/** The workspaces `user` may open. */
export function workspacesFor(user: { role: string } | null | undefined): DeskWorkspace[] {
  return DESK_WORKSPACES.filter((w) => !w.permission || can(user, w.permission));
}
