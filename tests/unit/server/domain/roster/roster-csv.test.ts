import { describe, expect, it } from 'vitest';
import { chinaLocalToIso, parseRosterCsv, rosterTemplate } from '../../../../../server/src/domain/roster/roster-csv.js';

const HEADER = '开始时间,结束时间,带班领导,带班领导电话,值班员,值班员电话,备注';

describe('roster CSV import', () => {
  it('reads Beijing wall-clock times (the forms a command centre writes) and ISO with an offset', () => {
    expect(chinaLocalToIso('2026-12-08 08:30')).toBe('2026-12-08T00:30:00.000Z');
    expect(chinaLocalToIso('2026/12/8 8:30')).toBe('2026-12-08T00:30:00.000Z');
    expect(chinaLocalToIso('2026-12-08 00:15:30')).toBe('2026-12-07T16:15:30.000Z');
    expect(chinaLocalToIso('2026-12-08T08:30:00+08:00')).toBe('2026-12-08T00:30:00.000Z');
    expect(chinaLocalToIso('2026-12-08T08:30')).toBe('2026-12-08T00:30:00.000Z');
    for (const bad of ['2026-02-30 08:30', '2026-12-08', '08:30', '2026-12-08 25:00', 'tomorrow']) expect(chinaLocalToIso(bad), bad).toBeNull();
  });

  it('parses a good file: Chinese or English headers, several officers with their phones, a BOM', () => {
    const { rows, issues } = parseRosterCsv(`\uFEFF${HEADER}\r\n2026-12-08 08:30,2026-12-08 17:30,leader,0662-1,duty；张伟,0662-2;138,白班\r\n2026-12-08 17:30,2026-12-09 08:30,陈志强,,duty2,,\r\n`);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        shift: {
          startsAt: '2026-12-08T00:30:00.000Z',
          endsAt: '2026-12-08T09:30:00.000Z',
          leader: { name: 'leader', phone: '0662-1' },
          officers: [
            { name: 'duty', phone: '0662-2' },
            { name: '张伟', phone: '138' },
          ],
          note: '白班',
        },
      },
      { line: 3, shift: { startsAt: '2026-12-08T09:30:00.000Z', endsAt: '2026-12-09T00:30:00.000Z', leader: { name: '陈志强' }, officers: [{ name: 'duty2' }] } },
    ]);
    const en = parseRosterCsv('startsAt,endsAt,leader,officers\n2026-12-08 08:30,2026-12-08 17:30,leader,duty\n');
    expect(en.rows).toHaveLength(1);
  });

  it('names the line and the field of every bad row and keeps none', () => {
    const { rows, issues } = parseRosterCsv(
      [
        HEADER,
        '2026-12-08 08:30,2026-12-08 17:30,leader,,duty,,',
        'soon,2026-12-08 17:30,leader,,duty,,',
        '2026-12-09 08:30,2026-12-09 07:30,leader,,duty,,',
        '2026-12-10 08:30,2026-12-10 17:30,,,duty,,',
        '2026-12-11 08:30,2026-12-11 17:30,leader,abc,duty,,',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => i.path)).toEqual(['lines.3.startsAt', 'lines.4.endsAt', 'lines.5.leader', 'lines.6.leader']);
    expect(issues[0]!.message).toContain('soon');
  });

  it('refuses shifts that overlap within the file, naming the later line', () => {
    const { issues } = parseRosterCsv(
      [HEADER, '2026-12-08 17:30,2026-12-09 08:30,leader,,duty,,', '2026-12-08 08:30,2026-12-08 18:00,leader,,duty2,,', '2026-12-09 08:30,2026-12-09 17:30,leader,,duty,,'].join('\n'),
    );
    expect(issues).toEqual([{ path: 'lines.2.startsAt', message: 'overlaps the shift of line 3' }]);
  });

  it('refuses a file without the required columns and a file that is not CSV', () => {
    expect(parseRosterCsv('开始时间,值班员\n2026-12-08 08:30,duty\n').issues.map((i) => i.path)).toEqual(['lines.1.endsAt', 'lines.1.leader']);
    expect(parseRosterCsv(`${HEADER}\n"unterminated,2026\n`).issues[0]!.path).toMatch(/^lines\.\d+$/);
  });

  it('offers a template that imports as it is', () => {
    expect(parseRosterCsv(rosterTemplate()).issues).toEqual([]);
  });
});
