import { runDeskUpdates, type DeskOptions } from './desk-updates.js';
import { runLoad, type LoadOptions } from './load.js';
import { runMapUpdates, type MapOptions } from './map-updates.js';
import type { ScreenResults } from './report.js';
import { runStamina, type StaminaOptions } from './stamina.js';

/** `--only` names of the screen benchmarks; `screen` selects all three. */
export const SCREEN_PHASES = ['screen-load', 'screen-map', 'screen-desk', 'screen-stamina'];

export interface ScreenOptions {
  load: LoadOptions;
  /** One map run per view (see {@link MapOptions.view}). */
  map: MapOptions[];
  stamina: StaminaOptions;
  desk: DeskOptions;
}

/** Runs the selected screen benchmarks one after another, each against its own server and browser. */
export async function runScreen(phases: ReadonlySet<string>, o: ScreenOptions, log: (msg: string) => void): Promise<ScreenResults> {
  const out: ScreenResults = { load: null, map: [], desk: null, stamina: null };
  if (phases.has('screen-load')) {
    log(`screen load: ${o.load.runs} cold loads of /screen (simulated city)`);
    out.load = await runLoad(o.load, log);
  }
  if (phases.has('screen-map')) {
    for (const m of o.map) {
      log(`screen map (${m.view.name} view): ${m.cases} cases, ${m.changePerS} changing per second, ${m.seconds} s measured`);
      out.map.push(await runMapUpdates(m, log));
    }
  }
  if (phases.has('screen-desk')) {
    log(
      `screen desk: ${o.desk.cases} open cases in the queue, ${o.desk.changePerS} changing per second, ${o.desk.seconds} s measured${o.desk.serverNice ? `, server at nice ${o.desk.serverNice}` : ''}`,
    );
    out.desk = await runDeskUpdates(o.desk, log);
  }
  if (phases.has('screen-stamina')) {
    log(`screen stamina: ${o.stamina.minutes} min at ${o.stamina.speed}× simulator speed`);
    out.stamina = await runStamina(o.stamina, log);
  }
  return out;
}
