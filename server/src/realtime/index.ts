/**
 * The live push of `/live` (CONTRACT.md "Socket.IO"): batching, durable per-topic sequence,
 * replay from the delta log, district scoping, backpressure and cross-node fan-out.
 */
export { createLiveHub, type LiveHub, type LiveHubDeps, type LiveHubStats } from './hub.js';
export { attachRedisAdapter, isClustered, markClustered, type RedisAdapterHandle, type RedisAdapterOptions } from './redis-adapter.js';
export { createDeltaLogRepository, type DeltaLogRepository } from './delta-log.repository.js';
export { itemDistricts, resolveScope, filterItems, type Scope } from './subscriptions.js';
export type { SnapshotFn } from './replay.js';
export type { LiveLogger, LiveNamespace, LiveServer, LiveSocket } from './types.js';
