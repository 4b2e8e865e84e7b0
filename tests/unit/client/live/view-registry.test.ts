import { describe, expect, it, vi } from 'vitest';
import { CaseBook } from '../../../../client/src/live/cases/case-book.js';
import { caseViews } from '../../../../client/src/live/cases/index.js';
import { createViewRegistry, defineView } from '../../../../client/src/live/cases/view-registry.js';
import { CaseViews } from '../../../../client/src/live/cases/views.js';
import type { FromLink, ViewSpec } from '../../../../client/src/live/protocol.js';
import { FakeView } from './fixtures.js';

const cats: ViewSpec = { kind: 'case-categories', mode: 'real', scope: 'open', limit: 5 };
const fakeCategories = defineView({ kind: 'case-categories', create: () => new FakeView() });

describe('createViewRegistry', () => {
  it('builds a view by the kind of its spec', async () => {
    const registry = createViewRegistry();
    registry.register(fakeCategories);
    expect(registry.kinds()).toEqual(['case-categories']);
    expect(await registry.create(cats)).toBeInstanceOf(FakeView);
  });

  it('throws when a kind is registered twice', () => {
    const registry = createViewRegistry();
    registry.register(fakeCategories);
    expect(() => registry.register(defineView({ kind: 'case-categories', create: () => new FakeView() }))).toThrow('view kind "case-categories" is registered twice');
  });

  it('refuses a spec whose kind nobody registered', () => {
    const registry = createViewRegistry();
    registry.register(fakeCategories);
    expect(() => registry.create({ kind: 'case-cells', mode: 'real', status: 'open', limit: 5 })).toThrow('unknown view kind "case-cells"');
  });

  it('the worker registers every kind of the protocol once', () => {
    expect(caseViews.kinds().sort()).toEqual(['case-categories', 'case-cells', 'case-hex', 'case-map', 'case-queue', 'case-trend']);
  });
});

describe('CaseViews with a registry', () => {
  it('posts nothing for a watched kind nobody registered, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const posts: FromLink[] = [];
    const registry = createViewRegistry();
    registry.register(fakeCategories);
    const views = new CaseViews(new CaseBook(), (m) => posts.push(m), registry);
    views.watch(1, { kind: 'case-trend', mode: 'real', hours: 24, seed: { asOf: new Date(0).toISOString(), hours: [] } });
    views.watch(2, cats);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(posts.map((p) => p.type === 'view' && p.view)).toEqual([2]);
    expect(error).toHaveBeenCalledWith('case view case-trend failed', new Error('unknown view kind "case-trend"'));
    views.unwatch(1);
    views.unwatch(2);
    error.mockRestore();
  });
});
