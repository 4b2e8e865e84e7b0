import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './stores/session.js';
import LoginView from './views/LoginView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/**
 * The app's pages. Each workspace is one lazily loaded route, so the login page stays light
 * and later ones (`/desk` for the duty officer, `/grid` for grid workers) slot in beside
 * `/screen` without touching the rest.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/screen' },
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/screen', name: 'screen', component: () => import('./views/ScreenView.vue') },
  { path: '/:unknown(.*)*', redirect: '/screen' },
];

/**
 * Where a sign-in may send the user back to: only a path of this app, never another
 * origin (`//host` or `https://…` in `next` would be an open redirect).
 */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/screen';
}

/** The login page, remembering where the user was going. */
export function loginRoute(fullPath: string): RouteLocationRaw {
  return { name: 'login', query: fullPath === '/' ? {} : { next: fullPath } };
}

/** Builds the router with its auth guard: signed-out users go to /login?next=…. */
export function createAppRouter(pinia: Pinia) {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach((to) => {
    const session = useSessionStore(pinia);
    if (!to.meta.public && !session.signedIn) return loginRoute(to.fullPath);
    if (to.name === 'login' && session.signedIn) return safeNext(to.query.next);
    return true;
  });
  return router;
}
