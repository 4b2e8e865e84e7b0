/**
 * `npm run simulate -- --url URL --key KEY [--scenario NAME] [--speed N] [--city CODE] …`
 * Feeds a running server through its public ingest interfaces; see USAGE.
 */
import { pino } from 'pino';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './simulator/cli-options.js';
import { startSimulator } from './simulator/start-simulator.js';

function readOptions(): CliOptions {
  try {
    const parsed = parseCliArgs(process.argv.slice(2), process.env);
    if (parsed === 'help') {
      console.log(USAGE);
      process.exit(0);
    }
    return parsed;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`simulate: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const opts = readOptions();
  const log = pino({ name: 'simulator', level: process.env.LOG_LEVEL ?? 'info' });
  let sim;
  try {
    sim = await startSimulator({ ...opts, log });
  } catch (err) {
    console.error(`simulate: ${(err as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'simulator: stopping');
    await sim.stop();
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (opts.durationMs !== undefined) setTimeout(() => void stop('duration reached'), opts.durationMs).unref();
  await sim.done;
  await sim.stop();
  log.info(sim.stats(), 'simulator: done');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
