import type { TargetRow } from '../report.js';
import type { DeskResult } from './desk-updates.js';
import type { LoadResult } from './load.js';
import type { MapResult } from './map-updates.js';
import type { StaminaResult } from './stamina.js';
import { round1 } from './session.js';

/** What the three screen benchmarks measured (null: not run). */
export interface ScreenResults {
  load: LoadResult | null;
  /** One run per map view. */
  map: MapResult[];
  desk: DeskResult | null;
  stamina: StaminaResult | null;
}

/** The issue's targets for the big screen. */
export const SCREEN_TARGETS = { jsGzipKB: 900, firstDataMs: 2000, workP95Ms: 16, heapGrowthMB: 5, nodeGrowthPct: 2, deskAnswerMs: 100 };

const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en-US')} KB`;
const ms = (n: number | null) => (n === null ? '—' : `${n} ms`);
const verdict = (ok: boolean): TargetRow['verdict'] => (ok ? 'PASS' : 'FAIL');

/** Verdict rows of the screen targets that were measured. */
export function screenRows(r: ScreenResults): TargetRow[] {
  const T = SCREEN_TARGETS;
  const rows: TargetRow[] = [];
  if (r.load) {
    const { js, firstDataP50Ms, firstDataMaxMs, firstDataMs } = r.load;
    rows.push({
      metric: `/screen JS, gzipped (${js.files.length} files over all five themes; first view ${kb(r.load.jsFirstView.gzipBytes)})`,
      target: `≤ ${T.jsGzipKB} KB`,
      measured: `${kb(js.gzipBytes)} (${kb(js.rawBytes)} raw)`,
      verdict: verdict(js.gzipBytes <= T.jsGzipKB * 1000),
    });
    rows.push({
      metric: `First live data painted after navigation, median of ${firstDataMs.length} cold loads (max)`,
      target: `≤ ${T.firstDataMs} ms`,
      measured: `${ms(firstDataP50Ms)} (${ms(firstDataMaxMs)})`,
      verdict: verdict(firstDataP50Ms !== null && firstDataP50Ms <= T.firstDataMs),
    });
  }
  for (const m of r.map) {
    rows.push({
      metric: `Main-thread work per update, ${m.view.name} view, ${m.casesOnPage.toLocaleString('en-US')} cases on the map, ${m.changePerS.toLocaleString('en-US')} changing/s (idle screen subtracted; p50 / p95 / max of ${m.seconds} s; ${m.gpuCompositing ? 'GPU (SwiftShader)' : 'software'} compositing)`,
      target: `p95 ≤ ${T.workP95Ms} ms`,
      measured: `${ms(m.workMs.p50)} / ${ms(m.workMs.p95)} / ${ms(m.workMs.max)}`,
      verdict: verdict(m.workMs.p95 !== null && m.workMs.p95 <= T.workP95Ms && m.casesOnPage >= m.cases),
    });
    rows.push({
      metric: `… as measured per window, idle screen's ${ms(m.idleMs.p50)}/s included (p50 / p95 / max)`,
      target: '—',
      measured: `${ms(m.busyMs.p50)} / ${ms(m.busyMs.p95)} / ${ms(m.busyMs.max)}`,
      verdict: 'n/a',
    });
    rows.push({
      metric: 'Longest main-thread task per update window (p50 / p95 / max)',
      target: '—',
      measured: `${ms(m.longestTaskMs.p50)} / ${ms(m.longestTaskMs.p95)} / ${ms(m.longestTaskMs.max)}`,
      verdict: 'n/a',
    });
  }
  if (r.desk) {
    const d = r.desk;
    rows.push({
      metric: `Desk: longest main-thread task per one-second window, ${d.casesInQueue.toLocaleString('en-US')} open cases in the queue, ${d.changePerS} changing/s (each update is one task; p50 / p95 / max of ${d.seconds} s)${d.serverNice ? `; server at nice ${d.serverNice}` : ''}`,
      target: `p95 < ${T.workP95Ms} ms`,
      measured: `${ms(d.longestTaskMs.p50)} / ${ms(d.longestTaskMs.p95)} / ${ms(d.longestTaskMs.max)}`,
      verdict: verdict(d.longestTaskMs.p95 !== null && d.longestTaskMs.p95 < T.workP95Ms && d.casesInQueue >= d.cases),
    });
    rows.push({
      metric: '… the same in CPU (thread) time, which other work on the machine does not stretch (p50 / p95 / max)',
      target: '—',
      measured: `${ms(d.longestTaskCpuMs.p50)} / ${ms(d.longestTaskCpuMs.p95)} / ${ms(d.longestTaskCpuMs.max)}`,
      verdict: 'n/a',
    });
    rows.push({
      metric: `… main-thread work per window, all ${d.changePerS} updates together, idle desk's ${ms(d.idleMs.p50)}/s subtracted (p50 / p95 / max)`,
      target: '—',
      measured: `${ms(d.workMs.p50)} / ${ms(d.workMs.p95)} / ${ms(d.workMs.max)}`,
      verdict: 'n/a',
    });
    rows.push({
      metric: `Desk: a filter (stage) or sort change, click to the queue painted, ${d.answers} changes (p50 / p95 / max)${d.serverNice ? `; server at nice ${d.serverNice}` : ''}`,
      target: `< ${T.deskAnswerMs} ms`,
      measured: `${ms(d.answerMs.p50)} / ${ms(d.answerMs.p95)} / ${ms(d.answerMs.max)}`,
      verdict: verdict(d.answerMs.p95 !== null && d.answerMs.p95 < T.deskAnswerMs),
    });
  }
  if (r.stamina) {
    const s = r.stamina;
    const span = `${s.minutes} min at ${s.speed}× simulator speed after ${s.warmupMinutes} min warm-up`;
    const total = (x: StaminaResult['samples'][number] | undefined) => (x ? round1(x.heapMB + x.workerHeapMB) : undefined);
    rows.push({
      metric: `JS heap growth after forced GC (page + live worker), ${span}`,
      target: `≤ ${T.heapGrowthMB} MB`,
      measured: `${s.heapGrowthMB} MB (${total(s.samples[0])} → ${total(s.samples.at(-1))} MB)`,
      verdict: verdict(s.samples.length >= 2 && s.heapGrowthMB <= T.heapGrowthMB),
    });
    const sign = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
    rows.push({
      metric: `DOM node count, ${span} (trend: least-squares line through every sample)`,
      target: `flat (trend ≤ ${T.nodeGrowthPct} %)`,
      measured: `${sign(s.nodeTrend)} nodes (${s.nodeTrendPct} %; samples ${Math.min(...s.samples.map((x) => x.nodes))}–${Math.max(...s.samples.map((x) => x.nodes))}; last three vs first three: ${sign(s.nodeGrowth)}, ${s.nodeGrowthPct} %)`,
      verdict: verdict(s.samples.length >= 2 && s.nodeTrendPct <= T.nodeGrowthPct),
    });
  }
  return rows;
}

/** The screen section of latest.md: the per-file JS weights, load times and stamina samples. */
export function screenMarkdown(r: ScreenResults): string[] {
  const lines: string[] = [];
  if (r.load) {
    lines.push('## Screen: initial load', '', `First live data painted (ms, per cold load): ${r.load.firstDataMs.join(', ')}.`, '', '| JS file | raw | gzipped |', '|---|---|---|');
    for (const f of r.load.js.files) lines.push(`| ${f.file} | ${kb(f.rawBytes)} | ${kb(f.gzipBytes)} |`);
    lines.push('');
  }
  for (const m of r.map) {
    lines.push(
      `## Screen: map updates, ${m.view.name} view`,
      '',
      `Theme \`${m.theme}\`${m.view.focus ? `, map at \`?map=${m.view.focus}\`` : ", the theme's view of the whole city"}; ${m.casesOnPage} cases reached the page, ${m.updatesPerS} case updates/s reached it while measured; ${m.idleS} idle, ${m.warmupS} warm-up and ${m.seconds} measured one-second windows (idle busy time p50 ${ms(m.idleMs.p50)}, max ${ms(m.idleMs.max)}); feed requests p50 ${ms(m.feedMs.p50)}, max ${ms(m.feedMs.max)}.`,
      '',
      `Work per update window in time order (ms, idle subtracted; ${m.workPerWindowMs.filter((w) => w > SCREEN_TARGETS.workP95Ms).length} of ${m.workPerWindowMs.length} over ${SCREEN_TARGETS.workP95Ms}): ${m.workPerWindowMs.join(', ')}.`,
      '',
      `Warm-up windows (the first change of each case; not in the verdict): ${m.warmupWorkPerWindowMs.join(', ')}.`,
      '',
    );
  }
  if (r.stamina) {
    const s = r.stamina;
    lines.push(
      '## Screen: stamina',
      '',
      `${s.deltasReceived.toLocaleString('en-US')} live deltas reached the page; carousel every ${s.intervalS} s.`,
      '',
      '| minute | theme | page JS heap MB | live worker JS heap MB | DOM nodes | elements | alert rows | JS listeners |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const x of s.samples) lines.push(`| ${x.atMin} | ${x.theme} | ${x.heapMB} | ${x.workerHeapMB} | ${x.nodes} | ${x.elements} | ${x.alertRows} | ${x.listeners} |`);
    lines.push('');
  }
  return lines;
}
