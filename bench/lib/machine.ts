import os from 'node:os';

/** Busy time of all cores so far, to tell how saturated the whole machine was over a window. */
export function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const c of os.cpus()) {
    const t = c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle;
    total += t;
    busy += t - c.times.idle;
  }
  return { busy, total };
}

/** Machine CPU busy between two {@link cpuTimes} readings, in % of one core (2 cores = 200 %). */
export function busyPct(a: ReturnType<typeof cpuTimes>, b: ReturnType<typeof cpuTimes>): number {
  const total = b.total - a.total;
  return total > 0 ? Math.round(((b.busy - a.busy) / total) * os.cpus().length * 1000) / 10 : 0;
}

/** A one-line description of this machine for the report. */
export function machine(): { cpus: number; model: string; memGiB: number; node: string; platform: string } {
  const cpus = os.cpus();
  return { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
}
