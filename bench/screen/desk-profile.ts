/**
 * Where the desk's time goes: traces (Chrome tracing with the V8 sampling profiler) the page's
 * main thread and the live worker through an update burst and a few filter and sort changes,
 * and prints per phase the tasks of both threads (wall and CPU time), what they spent it on
 * (script, style, layout, paint, GC) and the functions that took the most self time (and, with
 * `INCL=<n>` in the environment, the n largest inclusive times). Not a target: a tool for
 * finding where a target's time goes (docs/BENCHMARKS.md, ninth session).
 *   npx tsx bench/screen/desk-profile.ts [cases] [seconds]   trace a run (writes TRACE_OUT,
 *                                                            default <tmp>/desk-trace.json)
 *   npx tsx bench/screen/desk-profile.ts --from <trace.json> report on a saved trace
 * A client build must be in dist/client; `vite build --minify false` keeps function names readable.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sleep } from '../lib/clock.js';
import { postIngest } from '../lib/http.js';
import { gridEventFactory } from '../lib/payloads.js';
import { benchBrowser, benchServer } from './session.js';
import type { TraceEvent } from './main-thread.js';

/** A trace event with the fields this profile reads beyond main-thread.ts's. */
interface Ev extends TraceEvent {
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

if (process.argv[2] === '--from') {
  report((JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as { traceEvents: Ev[] }).traceEvents);
  process.exit(0);
}
const CASES = Number(process.argv[2] ?? 10_000);
const SECONDS = Number(process.argv[3] ?? 5);
const CHANGE = 20;
const STEPS = ['registered', 'dispatched', 'in_progress', 'feedback'] as const;

const srv = await benchServer({ simulate: false });
const bb = await benchBrowser(srv.url, { gpuCompositing: true, user: 'duty' });
try {
  const { page } = await bb.newPage();
  await page.goto(`${srv.url}/desk`);
  await page.locator('[data-testid="case-queue"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-connection="live"]').first().waitFor({ timeout: 30_000 });
  const made = gridEventFactory(`prof-${Date.now().toString(36)}`, 11)(CASES) as { sourceId: string }[];
  const cases = made.map((c) => ({ ...c, status: STEPS[0] }));
  for (let i = 0; i < cases.length; i += 1000) await postIngest(srv.url, 'grid-events', JSON.stringify(cases.slice(i, i + 1000)));
  const total = async () => Number((await page.locator('[data-testid="queue-total"]').innerText()).replace(/\D/g, '')) || 0;
  for (const end = Date.now() + 120_000; (await total()) < CASES && Date.now() < end;) await sleep(250);
  console.log(`${await total()} cases in the queue; settling 15 s`);
  await sleep(15_000);

  await bb.browser.startTracing(page, {
    categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc'],
  });
  const mark = (name: string) => page.evaluate((n) => performance.mark(n), name);
  await mark('phase-updates');
  const feeds: Promise<unknown>[] = [];
  for (let n = 0; n < SECONDS * CHANGE; n++) {
    const body = JSON.stringify([{ ...cases[n % CASES]!, status: STEPS[1] }]);
    feeds.push(sleep((n * 1000) / CHANGE).then(() => postIngest(srv.url, 'grid-events', body)));
  }
  await Promise.all(feeds);
  await sleep(1000);
  const answers = await page.evaluate(async () => {
    const out: number[] = [];
    const targets = ['[data-testid="sort-order"]', '[data-stage="dispatched"]', '[data-testid="sort-order"]', '[data-stage="open"]', '[data-testid="sort-order"]', '[data-stage="dispatched"]'];
    for (let i = 0; i < targets.length; i++) {
      const before = `${document.querySelector('[data-testid="queue-row"]')?.getAttribute('data-id')}|${document.querySelector('[data-testid="queue-total"]')?.textContent}`;
      performance.mark(`phase-answer-${i}`);
      const t0 = performance.now();
      document.querySelector<HTMLElement>(targets[i]!)!.click();
      while (
        `${document.querySelector('[data-testid="queue-row"]')?.getAttribute('data-id')}|${document.querySelector('[data-testid="queue-total"]')?.textContent}` === before &&
        performance.now() < t0 + 5000
      )
        await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
      performance.mark(`phase-rest-${i}`);
      await new Promise((r) => setTimeout(r, 400));
    }
    performance.mark('phase-end');
    return out;
  });
  const trace = JSON.parse((await bb.browser.stopTracing()).toString()) as { traceEvents: Ev[] };
  writeFileSync(process.env.TRACE_OUT ?? path.join(os.tmpdir(), 'desk-trace.json'), JSON.stringify(trace));
  console.log('answers (ms):', answers.map((a) => a.toFixed(1)).join(' '));
  report(trace.traceEvents);
} finally {
  await bb.close();
  await srv.stop();
}

/** Per phase (between marks): both threads' busy time by kind and the top self-time functions. */
function report(events: Ev[]) {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('phase-')).sort((a, b) => a.ts - b.ts);
  const main = marks[0]!;
  const threads = [...names].filter(([k, n]) => k.startsWith(`${main.pid}:`) && (n === 'CrRendererMain' || n.startsWith('DedicatedWorker'))).map(([k, n]) => ({ key: k, name: n }));
  const samples = profileSamples(events);
  const cpuOf = processCpu(events);
  for (let i = 0; i + 1 < marks.length; i++) {
    const from = marks[i]!.ts;
    const to = marks[i + 1]!.ts;
    console.log(`\n== ${marks[i]!.name}: ${((to - from) / 1000).toFixed(1)} ms`);
    console.log(`  CPU per process: ${cpuOf(from, to)}`);
    for (const th of threads) {
      const inWin = events.filter((e) => `${e.pid}:${e.tid}` === th.key && e.ph === 'X' && e.ts >= from && e.ts < to && (e.dur ?? 0) > 0);
      const tops = inWin.filter((e) => e.cat.split(',').includes('toplevel'));
      const busy = tops.reduce((s, e) => s + e.dur!, 0) / 1000;
      const cpu = tops.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000;
      const longest = tops.reduce((m, e) => Math.max(m, e.dur!), 0) / 1000;
      const kinds = new Map<string, number>();
      for (const e of inWin) {
        if (
          [
            'FunctionCall',
            'EvaluateScript',
            'v8.compile',
            'UpdateLayoutTree',
            'Layout',
            'PrePaint',
            'Paint',
            'Layerize',
            'Commit',
            'MinorGC',
            'MajorGC',
            'V8.GC_MC_BACKGROUND_MARKING',
            'HitTest',
            'ParseHTML',
            'RunMicrotasks',
            'TimerFire',
            'FireAnimationFrame',
            'EventDispatch',
            'V8.GCScavenger',
            'V8.GCFinalizeMC',
            'V8.GCIncrementalMarking',
          ].includes(e.name)
        )
          kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur! / 1000);
      }
      console.log(
        `  ${th.name}: ${tops.length} tasks, busy ${busy.toFixed(1)} ms (CPU ${cpu.toFixed(1)}), longest ${longest.toFixed(1)} ms; ` +
          [...kinds]
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', '),
      );
      if (marks[i]!.name === 'phase-updates') {
        const samplesOf = samples.get(th.key) ?? [];
        for (const e of [...tops].sort((a, b) => b.dur! - a.dur!).slice(0, 6)) {
          const self = new Map<string, number>();
          for (const s of samplesOf) if (s.ts >= e.ts && s.ts < e.ts + e.dur!) for (const f of new Set(s.stack.slice(0, 3))) self.set(f, (self.get(f) ?? 0) + s.dt / 1000);
          const kids = inWin.filter((k) => k.ts >= e.ts && k.ts < e.ts + e.dur! && k !== e && k.dur! > 500).map((k) => `${k.name} ${(k.dur! / 1000).toFixed(1)}`);
          console.log(`    task +${((e.ts - from) / 1000).toFixed(0)} ${(e.dur! / 1000).toFixed(1)} ms (CPU ${((e.tdur ?? 0) / 1000).toFixed(1)}): ${kids.slice(0, 6).join(', ')}`);
          console.log(
            `      ${[...self]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 8)
              .map(([k, v]) => `${k} ${v.toFixed(1)}`)
              .join(' | ')}`,
          );
        }
      }
      if (marks[i]!.name.startsWith('phase-answer')) {
        const long = tops.filter((e) => e.dur! > 1000).map((e) => `+${((e.ts - from) / 1000).toFixed(0)}:${(e.dur! / 1000).toFixed(1)}`);
        console.log(`    tasks > 1 ms (start offset:duration): ${long.join(' ')}`);
      }
      const self = new Map<string, number>();
      const incl = new Map<string, number>();
      for (const s of samples.get(th.key) ?? []) {
        if (s.ts < from || s.ts >= to) continue;
        self.set(s.fn, (self.get(s.fn) ?? 0) + s.dt / 1000);
        for (const f of new Set(s.stack)) incl.set(f, (incl.get(f) ?? 0) + s.dt / 1000);
      }
      const top = [...self]
        .filter(([k]) => k !== '(idle)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12);
      console.log(`    self: ${top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
      if (process.env.INCL) {
        const topI = [...incl]
          .filter(([k]) => k !== '(idle)' && k !== '(root)@:1')
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.INCL));
        console.log(`    inclusive: ${topI.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`);
      }
    }
  }
}

/**
 * Per process (browser, renderer, GPU, utility), the CPU time of its threads' top-level tasks
 * that started between `from` and `to` (a task inside another task of its thread is counted
 * once): what the whole browser spent, not just the page.
 */
function processCpu(events: Ev[]): (from: number, to: number) => string {
  const names = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') names.set(e.pid, e.args?.name ?? String(e.pid));
  const tasks = events.filter((e) => e.ph === 'X' && (e.tdur ?? 0) > 0 && e.cat.split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts);
  const outer: Ev[] = [];
  const endOf = new Map<string, number>();
  for (const e of tasks) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (endOf.get(key) ?? 0)) continue;
    endOf.set(key, e.ts + (e.dur ?? 0));
    outer.push(e);
  }
  return (from, to) => {
    const sum = new Map<string, number>();
    for (const e of outer) if (e.ts >= from && e.ts < to) sum.set(names.get(e.pid) ?? String(e.pid), (sum.get(names.get(e.pid) ?? String(e.pid)) ?? 0) + e.tdur! / 1000);
    return [...sum]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
  };
}

/** The CPU profiler's samples per thread: when, in which function (name @ file:line), for how long. */
function profileSamples(events: Ev[]): Map<string, { ts: number; fn: string; dt: number; stack: string[] }[]> {
  type Sample = { ts: number; fn: string; dt: number; stack: string[] };
  const byId = new Map<string, { key: string; t: number; nodes: Map<number, string>; parents: Map<number, number>; out: Sample[] }>();
  const out = new Map<string, Sample[]>();
  for (const e of events.filter((x) => x.ph === 'P' && (x.name === 'Profile' || x.name === 'ProfileChunk')).sort((a, b) => a.ts - b.ts)) {
    const id = `${e.pid}:${e.id}`;
    const data = e.args?.data as
      | {
          startTime?: number;
          cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[] };
          timeDeltas?: number[];
        }
      | undefined;
    if (e.name === 'Profile') {
      const p = { key: `${e.pid}:${e.tid}`, t: data?.startTime ?? e.ts, nodes: new Map<number, string>(), parents: new Map<number, number>(), out: [] as Sample[] };
      byId.set(id, p);
      out.set(p.key, [...(out.get(p.key) ?? []), ...p.out]);
      continue;
    }
    const p = byId.get(id);
    if (!p) continue;
    for (const n of data?.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      if (n.parent !== undefined) p.parents.set(n.id, n.parent);
      p.nodes.set(n.id, `${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`);
    }
    const s = data?.cpuProfile?.samples ?? [];
    const d = data?.timeDeltas ?? [];
    const list = out.get(p.key) ?? [];
    for (let k = 0; k < s.length; k++) {
      p.t += d[k] ?? 0;
      const dt = d[k + 1] ?? 0;
      const stack: string[] = [];
      for (let n: number | undefined = s[k]; n !== undefined; n = p.parents.get(n)) stack.push(p.nodes.get(n) ?? '?');
      list.push({ ts: p.t, fn: p.nodes.get(s[k]!) ?? '?', dt: Math.max(0, dt), stack });
    }
    out.set(p.key, list);
  }
  return out;
}
