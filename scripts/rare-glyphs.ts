/**
 * The command hall has no fonts but the ones we ship. The bundled Noto Sans SC (@fontsource,
 * cut into Google Fonts' subsets) lacks some rare characters of Chinese place names, e.g. 篢
 * of 织篢镇, which a screen would draw as an empty box. This finds every character the city
 * packs and the app's own texts use that the bundled subsets miss, and can cut those from
 * Noto Sans CJK SC into `client/src/styles/fonts/` (same family name, so the browser picks
 * them by their `unicode-range`):
 *
 *   npm run rare-glyphs            lists what is missing (exit 1 when something is)
 *   npm run rare-glyphs -- --write cuts the rare-glyph fonts anew; needs Debian's
 *                                  fonts-noto-cjk and python3-fonttools (dev machine only)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RARE_DIR = path.join(ROOT, 'client/src/styles/fonts');
export const RARE_CSS = path.join(RARE_DIR, 'rare-glyphs.css');
const FONTSOURCE = path.join(ROOT, 'node_modules/@fontsource/noto-sans-sc');
const WEIGHTS = [400, 700] as const;
/** Where text a person reads comes from. */
const TEXT_SOURCES = [
  { dir: 'mock-data/cities', ext: '.json' },
  { dir: 'mock-data', ext: '.ts' },
  { dir: 'client/src', ext: '.ts' },
  { dir: 'client/src', ext: '.vue' },
  { dir: 'shared', ext: '.ts' },
];
/** Noto Sans CJK as Debian's fonts-noto-cjk installs it; face 2 of each collection is SC. */
const CJK_SOURCE = (weight: number) => `/usr/share/fonts/opentype/noto/NotoSansCJK-${weight === 700 ? 'Bold' : 'Regular'}.ttc`;
const SC_FACE = 2;

/** Inclusive code point ranges. */
export type Ranges = [number, number][];

/** The ranges of every `unicode-range` in a stylesheet (`U+4e00-4e0f`, `U+7be2`, `U+1f3??`). */
export function unicodeRanges(css: string): Ranges {
  const out: Ranges = [];
  for (const m of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
    for (const part of m[1]!.split(',')) {
      const r = part.trim().replace(/^U\+/i, '');
      if (r.includes('?')) out.push([parseInt(r.replace(/\?/g, '0'), 16), parseInt(r.replace(/\?/g, 'f'), 16)]);
      else {
        const [a, b = a] = r.split('-');
        out.push([parseInt(a!, 16), parseInt(b!, 16)]);
      }
    }
  }
  return out;
}

export const covers = (ranges: Ranges, cp: number) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** What the bundled subsets carry in every weight we ship. */
export function bundledRanges(): Ranges[] {
  return WEIGHTS.map((w) => unicodeRanges(readFileSync(path.join(FONTSOURCE, `${w}.css`), 'utf8')));
}

function* files(dir: string, ext: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p, ext);
    else if (e.name.endsWith(ext)) yield p;
  }
}

/** Each CJK character (from U+2E80 on) of the app's texts, with the first file that uses it. */
export function usedCjk(): Map<number, string> {
  const used = new Map<number, string>();
  for (const { dir, ext } of TEXT_SOURCES) {
    for (const file of files(path.join(ROOT, dir), ext)) {
      for (const ch of readFileSync(file, 'utf8')) {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x2e80 && !used.has(cp)) used.set(cp, path.relative(ROOT, file));
      }
    }
  }
  return used;
}

/** The used characters that some shipped weight lacks, unless `extra` (the rare-glyph fonts) has them. */
export function missingGlyphs(extra: Ranges = []): { cp: number; file: string }[] {
  const bundled = bundledRanges();
  return [...usedCjk()]
    .filter(([cp]) => !covers(extra, cp) && bundled.some((r) => !covers(r, cp)))
    .map(([cp, file]) => ({ cp, file }))
    .sort((a, b) => a.cp - b.cp);
}

const hex = (cp: number) => cp.toString(16).toUpperCase();

/** Cuts the rare-glyph font of each weight and points the stylesheet's ranges at them. */
function write(cps: number[]): void {
  const unicodes = cps.map((cp) => `U+${hex(cp)}`).join(',');
  for (const w of WEIGHTS) {
    if (!existsSync(CJK_SOURCE(w))) throw new Error(`${CJK_SOURCE(w)} not found: apt-get install -y fonts-noto-cjk`);
    execFileSync(
      '/usr/bin/python3',
      [
        '-m',
        'fontTools.subset',
        CJK_SOURCE(w),
        `--font-number=${SC_FACE}`,
        `--unicodes=${unicodes}`,
        '--flavor=woff2',
        '--layout-features=*',
        `--output-file=${path.join(RARE_DIR, `noto-sans-sc-rare-${w}.woff2`)}`,
      ],
      { stdio: 'inherit' },
    );
  }
  const css = readFileSync(RARE_CSS, 'utf8').replace(/unicode-range:[^;]+;/g, `unicode-range: ${unicodes};`);
  writeFileSync(RARE_CSS, css);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--write')) {
    const cps = missingGlyphs().map((m) => m.cp);
    if (cps.length === 0) throw new Error('the bundled font has every character: nothing to cut');
    write(cps);
    console.log(`rare-glyph fonts cut for ${cps.map((cp) => String.fromCodePoint(cp)).join('')}`);
  } else {
    const missing = missingGlyphs(unicodeRanges(readFileSync(RARE_CSS, 'utf8')));
    for (const m of missing) console.log(`${String.fromCodePoint(m.cp)} U+${hex(m.cp)}  ${m.file}`);
    console.log(missing.length ? `${missing.length} characters have no glyph: npm run rare-glyphs -- --write` : 'every character has a glyph');
    process.exitCode = missing.length ? 1 : 0;
  }
}
