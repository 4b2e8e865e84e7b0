import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { can, LANDING, PAGES, type PagePath, type Permission, type Role } from '../../shared/auth/policy.js';
import { useSessionStore } from './stores/session.js';
import LoginView from './views/LoginView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** What a signed-in user must be allowed (shared/auth/policy.ts) to open the page. */
    permission?: Permission;
  }
}

/** A page's route meta: the permission it needs, as the policy's page list (PAGES) has it. */
export function page(path: PagePath): { permission: Permission } {
  return { permission: PAGES.find((p) => p.path === path)!.permission };
}

/**
 * The app's pages. Each workspace is one lazily loaded route, so the login page stays light
 * and later ones (`/desk` for the duty officer, `/grid` for grid workers) slot in beside
 * `/screen` without touching the rest, each with the permission the policy's PAGES gives it
 * (`meta: page(path)`); the page menu (components/AppNav.vue) lists them. `/` and unknown
 * paths open the user's landing page ({@link createAppRouter}).
 */
export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/screen', name: 'screen', component: () => import('./views/ScreenView.vue'), meta: page('/screen') },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: page('/admin') },
  { path: '/desk', name: 'desk', component: () => import('./views/DeskView.vue'), meta: page('/desk') },
  { path: '/grid', name: 'grid', component: () => import('./views/GridView.vue'), meta: page('/grid') },
  { path: '/warnings', name: 'warnings', component: () => import('./views/WarningsView.vue'), meta: page('/warnings') },
  // The printable monthly evaluation report (通报), opened from the grid workspace's evaluation.
  { path: '/grid/report', name: 'grid-report', component: () => import('./views/GridReportView.vue'), meta: page('/grid') },
  // The filed handover reports (值班日报), and one as printed: for whoever reads them (a leader has no desk).
  { path: '/handover', name: 'handover', component: () => import('./views/HandoverListView.vue'), meta: page('/handover') },
  { path: '/handover/:id', name: 'handover-report', component: () => import('./views/HandoverReportView.vue'), meta: page('/handover') },
  // Where the print page was before it left the desk (links filed since still open).
  { path: '/desk/handover/:id', redirect: (to) => ({ name: 'handover-report', params: to.params }) },
];

/**
 * Where `role` lands: its page of the policy (LANDING: leader → /screen, duty → /desk,
 * grid → /grid, admin → /admin) when this app has it (`paths`), else the screen.
 */
export function landingPath(role: Role | undefined, paths: readonly string[] = routes.map((r) => r.path)): string {
  const path = role ? LANDING[role] : undefined;
  return path && paths.includes(path) ? path : '/screen';
}

/**
 * Where a sign-in may send the user back to: only a path of this app, never another
 * origin (`//host` or `https://…` in `next` would be an open redirect). Without one, `/`:
 * the user's landing page.
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The login page, remembering where the user was going. */
export function loginRoute(fullPath: string): RouteLocationRaw {
  return { name: 'login', query: fullPath === '/' ? {} : { next: fullPath } };
}

/**
 * Builds the router with its guard: signed-out users go to /login?next=…; `/` opens the
 * user's landing page; a page the user may not open (its `meta.permission`) sends it there too.
 */
export function createAppRouter(pinia: Pinia) {
  const landing = () => landingPath(useSessionStore(pinia).user?.role);
  const router = createRouter({
    history: createWebHistory(),
    routes: [{ path: '/', redirect: landing }, ...routes, { path: '/:unknown(.*)*', redirect: landing }],
  });
  router.beforeEach((to) => {
    const session = useSessionStore(pinia);
    // Remember what was asked for, not where `/` redirected while nobody was signed in (the
    // landing page of no role): signed in from `/`, the user lands on its own page.
    if (!to.meta.public && !session.signedIn) return loginRoute(to.redirectedFrom?.fullPath ?? to.fullPath);
    if (to.name === 'login' && session.signedIn) return safeNext(to.query.next);
    if (!to.meta.permission || can(session.user, to.meta.permission)) return true;
    if (to.path !== landing()) return landing();
    // Not even its own landing page: a stale session of a role this client does not know.
    session.signOut();
    return loginRoute(to.fullPath);
  });
  return router;
}
