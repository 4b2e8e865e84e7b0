import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, rowHash } from '../../../../server/src/audit/audit-chain.js';

const row = {
  seq: 1,
  at: '2026-12-06T02:04:00.000Z',
  actor: 'admin',
  role: 'admin',
  action: 'user.update',
  target: 'wang',
  ip: null,
  detail: { before: { a: 1 }, after: { a: 2 } },
  prevHash: GENESIS_HASH,
};

describe('audit chain hashing', () => {
  it('serialises objects with sorted keys at every depth, so stored jsonb hashes the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(rowHash({ ...row, detail: { after: { a: 2 }, before: { a: 1 } } })).toBe(rowHash(row));
  });

  it('changes with any field and with the previous hash', () => {
    const h = rowHash(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const changed of [{ seq: 2 }, { actor: 'x' }, { ip: '1.2.3.4' }, { detail: { before: { a: 1 }, after: { a: 3 } } }, { prevHash: h }]) {
      expect(rowHash({ ...row, ...changed })).not.toBe(h);
    }
  });
});
