import { describe, expect, it } from 'vitest';
import { isUuid, uuidFromName } from '../../../../server/src/store/ids.js';

describe('uuidFromName', () => {
  // Stored case ids are derived this way: the same name must give the same id in every release.
  it('gives the ids it has always given', () => {
    expect(uuidFromName('case', 'YJ-12345')).toBe('50317d11-f85e-82eb-9683-da356722b6a9');
    expect(uuidFromName('case', '井盖-001')).toBe('bae7d536-aabc-8ea7-aa81-79492c01f0e6');
  });

  it('is a version 8 UUID that depends on the namespace', () => {
    const id = uuidFromName('case', 'YJ-12345');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect('89ab').toContain(id[19]);
    expect(uuidFromName('alert', 'YJ-12345')).not.toBe(id);
  });
});
