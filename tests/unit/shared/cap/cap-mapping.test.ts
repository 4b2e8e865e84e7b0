import { describe, expect, it } from 'vitest';
import { alertCategoryFor, levelFromColourWord } from '../../../../shared/cap/cap-mapping.js';

describe('alertCategoryFor', () => {
  it.each([
    ['台风橙色预警', [], 'typhoon'],
    ['Typhoon warning', ['Met'], 'typhoon'],
    ['暴雨红色预警', ['Met'], 'rainstorm'],
    ['山洪灾害预警', ['Met'], 'flood'],
    ['River flood warning', ['Met'], 'flood'],
    ['地质灾害气象风险预警', ['Geo'], 'geological'],
    ['Landslide warning', ['Geo'], 'geological'],
    ['森林火险橙色预警', ['Fire'], 'forest_fire'],
    ['危化品泄漏', ['CBRNE'], 'hazchem'],
    ['安全生产事故', ['Safety'], 'production_safety'],
    ['公共卫生事件', ['Health'], 'public_health'],
    ['Heat illness advisory', ['Health'], 'public_health'],
    ['Ozone advisory', ['Env'], 'environment'],
    ['Tsunami', ['Geo'], 'other'],
  ] as const)('%s (%s) → %s', (event, cats, expected) => {
    expect(alertCategoryFor(event, undefined, [...cats])).toBe(expected);
  });

  it('reads the headline when the event is generic', () => {
    expect(alertCategoryFor('预警信号', '阳江市发布暴雨黄色预警信号', ['Met'])).toBe('rainstorm');
  });
});

describe('levelFromColourWord', () => {
  it('finds Chinese and English colour words, the earliest winning', () => {
    expect(levelFromColourWord('台风红色预警')).toBe('red');
    expect(levelFromColourWord('Orange rainstorm warning')).toBe('orange');
    expect(levelFromColourWord('黄色预警升级为橙色')).toBe('yellow');
    expect(levelFromColourWord('蓝色')).toBe('blue');
    expect(levelFromColourWord('Bluetooth redirect')).toBeNull();
    expect(levelFromColourWord('台风预警')).toBeNull();
  });
});
