import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Vitest runs from the repository root (jsdom gives import.meta.url no file scheme).
const CLIENT_SRC = path.resolve('client/src');

/** Every stylesheet and single-file component under client/src, with its text. */
function sources(dir = CLIENT_SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(vue|css)$/.test(e.name) ? [{ file: path.relative(CLIENT_SRC, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

describe('font stacks', () => {
  it('put the app’s CJK font behind every monospace face: kiosks without CJK system fonts would draw Chinese beside an id as empty boxes', () => {
    const theme = readFileSync(path.join(CLIENT_SRC, 'styles/theme.css'), 'utf8');
    expect(theme).toMatch(/--font-mono:[^;]*var\(--font\)[^;]*monospace;/);
    const bare = sources().flatMap(({ file, text }) => [...text.matchAll(/font-family:\s*([^;]*monospace[^;]*);/g)].map((m) => `${file}: ${m[1]}`));
    expect(bare).toEqual([]);
  });
});
