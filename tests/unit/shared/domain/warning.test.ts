import { describe, expect, it } from 'vitest';
import { WARNING_LEVELS, compareWarningLevels, highestWarningLevel, levelFromSeverity, parseWarningLevel, severityFromLevel, warningLevelInfo } from '../../../../shared/domain/warning.js';

describe('warning levels', () => {
  it('carries roman numeral, Chinese grade and colour word per level', () => {
    expect(warningLevelInfo('red')).toMatchObject({ roman: 'I', nameZh: '特别重大', colorZh: '红色' });
    expect(warningLevelInfo('orange')).toMatchObject({ roman: 'II', nameZh: '重大', colorZh: '橙色' });
    expect(warningLevelInfo('yellow')).toMatchObject({ roman: 'III', nameZh: '较大', colorZh: '黄色' });
    expect(warningLevelInfo('blue')).toMatchObject({ roman: 'IV', nameZh: '一般', colorZh: '蓝色' });
    for (const info of Object.values(WARNING_LEVELS)) expect(info.color).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('orders red above orange above yellow above blue', () => {
    expect(compareWarningLevels('red', 'orange')).toBeGreaterThan(0);
    expect(compareWarningLevels('orange', 'yellow')).toBeGreaterThan(0);
    expect(compareWarningLevels('yellow', 'blue')).toBeGreaterThan(0);
    expect(compareWarningLevels('blue', 'red')).toBeLessThan(0);
    expect(compareWarningLevels('yellow', 'yellow')).toBe(0);
    expect((['blue', 'red', 'yellow', 'orange'] as const).slice().sort((a, b) => compareWarningLevels(b, a))).toEqual(['red', 'orange', 'yellow', 'blue']);
  });

  it('finds the highest level', () => {
    expect(highestWarningLevel(['blue', 'orange', 'yellow'])).toBe('orange');
    expect(highestWarningLevel([])).toBeNull();
  });
});

describe('CAP severity mapping', () => {
  it('maps both ways: red Extreme, orange Severe, yellow Moderate, blue Minor', () => {
    const pairs = [
      ['red', 'Extreme'],
      ['orange', 'Severe'],
      ['yellow', 'Moderate'],
      ['blue', 'Minor'],
    ] as const;
    for (const [level, severity] of pairs) {
      expect(severityFromLevel(level)).toBe(severity);
      expect(levelFromSeverity(severity)).toBe(level);
    }
  });

  it('gives no level for Unknown severity', () => {
    expect(levelFromSeverity('Unknown')).toBeNull();
  });
});

describe('parseWarningLevel', () => {
  it('reads colour names, roman and arabic numerals and Chinese grades', () => {
    expect(parseWarningLevel('Red')).toBe('red');
    expect(parseWarningLevel('Ⅰ级')).toBe('red');
    expect(parseWarningLevel('II')).toBe('orange');
    expect(parseWarningLevel('3')).toBe('yellow');
    expect(parseWarningLevel('蓝色')).toBe('blue');
    expect(parseWarningLevel('较大')).toBe('yellow');
    expect(parseWarningLevel('IV级')).toBe('blue');
  });

  it('returns null for anything else, including object prototype names', () => {
    expect(parseWarningLevel('purple')).toBeNull();
    expect(parseWarningLevel('constructor')).toBeNull();
    expect(parseWarningLevel('')).toBeNull();
  });
});
