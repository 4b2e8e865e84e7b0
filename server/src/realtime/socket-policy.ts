import type { IncomingMessage } from 'node:http';
import type { ExtendedError, Server, ServerOptions } from 'socket.io';
import { LIVE_NAMESPACE } from '../../../shared/contracts/live.js';
import type { LiveSocket } from './types.js';

/** Counts of refused connection attempts by reason, for the metrics. */
export type RefusalCounter = (reason: 'origin' | 'namespace' | 'per_user_limit') => void;

/**
 * Whether a browser page from `origin` may open the socket: the server's own origin always,
 * the `CORS_ORIGIN` list when one is configured, any origin when none is (the token in the
 * handshake, not a cookie, is what authenticates). Requests without an Origin header come
 * from non-browser clients, which an Origin check cannot restrict anyway.
 */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, allowed: readonly string[] | null): boolean {
  const origin = req.headers.origin;
  if (!origin || !allowed) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Engine.IO options that apply the allowed origins to every transport — the long-polling
 * requests and the websocket upgrade alike (Socket.IO's `cors` option covers only the
 * former) — and drop a connection that joins no namespace within `connectTimeoutMs`.
 */
export function socketServerOptions(opts: { corsOrigins: string[] | null; connectTimeoutMs?: number; refused?: RefusalCounter }): Partial<ServerOptions> {
  return {
    cors: opts.corsOrigins ? { origin: opts.corsOrigins } : undefined,
    connectTimeout: opts.connectTimeoutMs ?? 10_000,
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, opts.corsOrigins);
      if (!ok) opts.refused?.('origin');
      callback(ok ? null : 'origin not allowed', ok);
    },
  };
}

function refusal(code: string, message: string): ExtendedError {
  return Object.assign(new Error(message), { data: { code } });
}

/** Refuses every namespace but `/live` (the default namespace `/` included). */
export function refuseOtherNamespaces(io: Server, refused?: RefusalCounter): void {
  io.of('/').use((_socket, next) => {
    refused?.('namespace');
    next(refusal('invalid_namespace', `only the ${LIVE_NAMESPACE} namespace exists`));
  });
}

/**
 * Namespace middleware (after authentication) bounding the sockets one user holds on this
 * node; the one over the limit gets a connect_error with code `too_many_connections`.
 */
export function limitSocketsPerUser(max: number, refused?: RefusalCounter) {
  const open = new Map<string, number>();
  return (socket: LiveSocket, next: (err?: ExtendedError) => void): void => {
    const user = socket.data.user.username;
    const n = open.get(user) ?? 0;
    if (n >= max) {
      refused?.('per_user_limit');
      next(refusal('too_many_connections', `at most ${max} live connections per user; close another screen first`));
      return;
    }
    open.set(user, n + 1);
    socket.once('disconnect', () => {
      const left = (open.get(user) ?? 1) - 1;
      if (left > 0) open.set(user, left);
      else open.delete(user);
    });
    next();
  };
}
