import { LIVE_NAMESPACE } from '../../../shared/contracts/live.js';
import type { LiveServer } from './types.js';

/**
 * Closes every live socket of `username` (on every node, through the adapter): its token is
 * refused from now on, so it cannot reconnect. Resolves to the number closed.
 */
export async function disconnectUser(io: LiveServer, username: string): Promise<number> {
  const sockets = await io.of(LIVE_NAMESPACE).fetchSockets();
  const own = sockets.filter((s) => s.data.user?.username === username);
  for (const s of own) s.disconnect(true);
  return own.length;
}
