/**
 * How much memory the embedded database (PGlite) may take. Its engine lives in one
 * WebAssembly memory that grows on demand and never shrinks, so every buffer PostgreSQL
 * sizes here — and every sort or index build that reached `work_mem` /
 * `maintenance_work_mem` once — stays in the server's RSS for good. PostgreSQL's own
 * defaults (128 MB of shared buffers, 64 MB per index build) suit a database server, not a
 * dashboard process; these suit the latter. docs/OPERATIONS.md "Memory".
 */
export interface PgliteMemory {
  /** `shared_buffers`, MB (`PGLITE_SHARED_BUFFERS_MB`): the page cache inside the engine. */
  sharedBuffersMb: number;
  /** `work_mem`, MB (`PGLITE_WORK_MEM_MB`): one sort or hash of one query before it spills to disk. */
  workMemMb: number;
  /** `maintenance_work_mem`, MB (`PGLITE_MAINTENANCE_WORK_MEM_MB`): index builds, vacuum. */
  maintenanceWorkMemMb: number;
}

export const PGLITE_MEMORY_DEFAULTS: PgliteMemory = { sharedBuffersMb: 16, workMemMb: 4, maintenanceWorkMemMb: 16 };

/** Bounds each setting is checked against (config.ts), MB. */
export const PGLITE_MEMORY_LIMITS: Record<keyof PgliteMemory, { min: number; max: number }> = {
  sharedBuffersMb: { min: 1, max: 1024 },
  workMemMb: { min: 1, max: 1024 },
  maintenanceWorkMemMb: { min: 1, max: 1024 },
};

/** The engine's start parameters for these settings (`-c name=value` pairs). */
export function pgliteMemoryParams(m: PgliteMemory): string[] {
  return ['-c', `shared_buffers=${m.sharedBuffersMb}MB`, '-c', `work_mem=${m.workMemMb}MB`, '-c', `maintenance_work_mem=${m.maintenanceWorkMemMb}MB`];
}
