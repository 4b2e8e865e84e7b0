import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledRanges, covers, missingGlyphs, RARE_CSS, RARE_DIR, unicodeRanges, usedCjk } from '../../../scripts/rare-glyphs.js';

const ZHI_LOU = 0x7be2; // 篢, of 织篢镇 (阳西县)

describe('glyphs for every character the screen shows', () => {
  it('reads unicode-range lists: single points, ranges and wildcards', () => {
    const r = unicodeRanges('a{unicode-range: U+7be2, U+4e00-4e0f,U+1f3??;}');
    expect(r).toEqual([
      [0x7be2, 0x7be2],
      [0x4e00, 0x4e0f],
      [0x1f300, 0x1f3ff],
    ]);
    expect([covers(r, 0x4e0f), covers(r, 0x4e10), covers(r, 0x1f3a5)]).toEqual([true, false, true]);
  });

  it('finds what the bundled font lacks: 篢 of the demo city, used by its stations', () => {
    expect(usedCjk().get(ZHI_LOU)).toMatch(/^mock-data\/cities\//);
    expect(bundledRanges().some((r) => !covers(r, ZHI_LOU))).toBe(true);
    expect(missingGlyphs().map((m) => m.cp)).toContain(ZHI_LOU);
  });

  it('leaves no character without a glyph once the rare-glyph fonts are counted', () => {
    const rare = unicodeRanges(readFileSync(RARE_CSS, 'utf8'));
    expect(missingGlyphs(rare).map((m) => String.fromCodePoint(m.cp))).toEqual([]);
  });

  it('ships each rare-glyph font with a real glyph for every character its stylesheet claims', () => {
    const css = readFileSync(RARE_CSS, 'utf8');
    const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]!);
    expect(faces.length).toBe(2);
    for (const face of faces) {
      expect(face).toMatch(/font-family: 'Noto Sans SC'/);
      const file = /url\(\.\/([^)]+)\)/.exec(face)![1]!;
      const font = fontkit.create(readFileSync(path.join(RARE_DIR, file))) as fontkit.Font;
      for (const [a, b] of unicodeRanges(face)) {
        for (let cp = a; cp <= b; cp++) {
          expect(font.hasGlyphForCodePoint(cp), `${file} U+${cp.toString(16)}`).toBe(true);
          const glyph = font.glyphForCodePoint(cp);
          expect(glyph.id, `${file} maps U+${cp.toString(16)} to a glyph, not .notdef`).toBeGreaterThan(0);
          expect(glyph.advanceWidth, `${file} gives U+${cp.toString(16)} a full width`).toBe(font.unitsPerEm);
        }
      }
    }
  });
});
