import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(__dirname, '../../../server/src');
/** The layers below HTTP: they may be driven by HTTP, MQTT, the socket or the CLI alike. */
const NEUTRAL_LAYERS = ['domain', 'ingest', 'auth', 'realtime', 'store', 'city'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('server layering', () => {
  it('no layer below HTTP imports the HTTP layer (errors live in server/src/errors.ts)', () => {
    const offenders = NEUTRAL_LAYERS.flatMap((layer) => sources(path.join(SERVER, layer)))
      .filter((file) => /from '(\.\.\/)+http\//.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file));
    expect(offenders).toEqual([]);
  });
});
