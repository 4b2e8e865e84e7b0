import { describe, expect, it } from 'vitest';
import { parseMapFocus } from '../../../../client/src/map/focus.js';

describe('?map= focus', () => {
  it('reads a centre and a zoom', () => {
    expect(parseMapFocus('111.98,21.86,14')).toEqual({ center: [111.98, 21.86], zoom: 14 });
    expect(parseMapFocus('-0.5, 51.5, 9.5')).toEqual({ center: [-0.5, 51.5], zoom: 9.5 });
  });

  it('ignores a missing, malformed or out-of-range value, so the maps show the whole city', () => {
    for (const bad of [null, undefined, '', '111.98,21.86', '111.98,21.86,14,2', 'a,b,c', '111.98,,14', '181,21,10', '111,86,10', '111,21,-1', '111,21,23', 'Infinity,0,1']) {
      expect(parseMapFocus(bad), String(bad)).toBeNull();
    }
  });
});
