/** One Chrome trace event (the fields this module reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Microseconds on the browser's trace clock. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, microseconds: unlike `dur`, not stretched when the machine is busy. */
  tdur?: number;
  pid: number;
  tid: number;
}

/** Main-thread work between one mark and the next. */
export interface WindowWork {
  mark: string;
  /** Time the renderer main thread spent running tasks in the window. */
  busyMs: number;
  /** The longest single task that started in the window. */
  longestTaskMs: number;
  /** The most CPU time a single task that started in the window took (its thread time). */
  longestTaskCpuMs: number;
}

/** Top-level task intervals [start, end) with nested or overlapping ones merged, sorted. */
function taskIntervals(events: readonly TraceEvent[], pid: number, tid: number): [number, number][] {
  const raw = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.dur ?? 0) > 0 && e.cat.split(',').includes('toplevel'))
    .map((e): [number, number] => [e.ts, e.ts + e.dur!])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged.at(-1);
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Splits a trace at the `performance.mark`s whose names start with `prefix` and measures,
 * per window, how long the page's main thread was busy (the union of its top-level tasks,
 * clipped to the window) and its longest task. The marks identify the page's main thread:
 * they are recorded on it. `n` marks give `n − 1` windows.
 */
export function workPerWindow(events: readonly TraceEvent[], prefix: string): WindowWork[] {
  const marks = events
    .filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith(prefix))
    .sort((a, b) => a.ts - b.ts)
    .filter((e, i, all) => i === 0 || all[i - 1]!.name !== e.name);
  if (marks.length < 2) return [];
  const { pid, tid } = marks[0]!;
  const tasks = taskIntervals(events, pid, tid);
  const cpu = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.tdur ?? 0) > 0 && e.cat.split(',').includes('toplevel'));
  const out: WindowWork[] = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    const from = marks[i]!.ts;
    const to = marks[i + 1]!.ts;
    let busy = 0;
    let longest = 0;
    for (const [s, e] of tasks) {
      if (e <= from || s >= to) continue;
      busy += Math.min(e, to) - Math.max(s, from);
      if (s >= from) longest = Math.max(longest, e - s);
    }
    let longestCpu = 0;
    for (const e of cpu) if (e.ts >= from && e.ts < to) longestCpu = Math.max(longestCpu, e.tdur!);
    out.push({ mark: marks[i]!.name, busyMs: busy / 1000, longestTaskMs: longest / 1000, longestTaskCpuMs: longestCpu / 1000 });
  }
  return out;
}
