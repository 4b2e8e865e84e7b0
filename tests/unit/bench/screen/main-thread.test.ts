import { describe, expect, it } from 'vitest';
import { workPerWindow, type TraceEvent } from '../../../../bench/screen/main-thread.js';

const MAIN = { pid: 1, tid: 1 };
const mark = (name: string, ts: number): TraceEvent => ({ name, cat: 'blink.user_timing', ph: 'I', ts, ...MAIN });
const task = (ts: number, dur: number, at = MAIN): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', cat: 'toplevel', ph: 'X', ts, dur, ...at });

describe('workPerWindow', () => {
  it('sums the main thread’s top-level tasks per window between marks, clipped to the window', () => {
    const windows = workPerWindow(
      [
        mark('u-0', 0),
        task(100, 2_000),
        task(5_000, 3_000),
        mark('u-1', 1_000_000),
        task(999_000, 4_000), // straddles the mark: 1 ms before, 3 ms after
        mark('u-2', 2_000_000),
      ],
      'u-',
    );
    expect(windows).toEqual([
      { mark: 'u-0', busyMs: 6, longestTaskMs: 4, longestTaskCpuMs: 0 }, // a task counts as long in the window it started in
      { mark: 'u-1', busyMs: 3, longestTaskMs: 0, longestTaskCpuMs: 0 },
    ]);
  });

  it('counts nested and overlapping tasks once', () => {
    const [w] = workPerWindow([mark('u-0', 0), task(0, 10_000), task(2_000, 3_000), task(9_000, 4_000), mark('u-1', 100_000)], 'u-');
    expect(w).toEqual({ mark: 'u-0', busyMs: 13, longestTaskMs: 13, longestTaskCpuMs: 0 });
  });

  it('takes the longest task’s CPU time from its thread time, which a busy machine does not stretch', () => {
    const [w] = workPerWindow([mark('u-0', 0), { ...task(0, 90_000), tdur: 8_000 }, { ...task(95_000, 2_000), tdur: 1_500 }, mark('u-1', 100_000)], 'u-');
    expect(w).toMatchObject({ longestTaskMs: 90, longestTaskCpuMs: 8 });
  });

  it('ignores other threads, other categories and unrelated marks', () => {
    const [w] = workPerWindow(
      [mark('u-0', 0), mark('other', 10), task(0, 50_000, { pid: 2, tid: 2 }), { ...task(0, 50_000), cat: 'devtools.timeline' }, task(1_000, 1_000), mark('u-1', 100_000)],
      'u-',
    );
    expect(w!.busyMs).toBe(1);
  });

  it('gives no windows without two marks', () => {
    expect(workPerWindow([mark('u-0', 0), task(0, 5)], 'u-')).toEqual([]);
  });
});
