import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../../server/src/http/csv-row.js';

describe('csv cells', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', null, 42])).toBe('a,"b,c","say ""hi""","two\nlines",,42\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes objects as JSON', () => {
    expect(csvCell({ reason: 'x' })).toBe('"{""reason"":""x""}"');
  });
});
