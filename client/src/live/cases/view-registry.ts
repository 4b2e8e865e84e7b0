import type { ViewKind, ViewSpec } from '../protocol.js';
import type { CaseView } from './views.js';

/**
 * One kind of view of the cases, run in the live worker: its `kind` names it in a
 * {@link ViewSpec}, and `create` builds it for one spec (asynchronously when it needs a large
 * library first, as the density view needs H3). The page watches it through its data source
 * (`LiveSource.watch`); what it posts is `ViewData[kind]` in live/protocol.ts.
 */
export interface ViewDefinition<K extends ViewKind = ViewKind> {
  kind: K;
  create(spec: Extract<ViewSpec, { kind: K }>): CaseView<K> | Promise<CaseView<K>>;
}

/** A definition of any one kind. */
export type AnyViewDefinition = { [K in ViewKind]: ViewDefinition<K> }[ViewKind];

/** Identity helper that ties a definition's `create` to its kind's spec. */
export function defineView<K extends ViewKind>(def: ViewDefinition<K>): ViewDefinition<K> {
  return def;
}

/** A registry of view kinds; registering a kind twice is a programming error. */
export function createViewRegistry() {
  const byKind = new Map<string, AnyViewDefinition>();
  return {
    register(def: AnyViewDefinition): void {
      if (byKind.has(def.kind)) throw new Error(`view kind "${def.kind}" is registered twice`);
      byKind.set(def.kind, def);
    },
    kinds(): string[] {
      return [...byKind.keys()];
    },
    /**
     * The view of a spec. A kind nobody registered is refused (thrown): the page was built
     * against another worker, and a silent empty view would pass for "no cases".
     */
    create(spec: ViewSpec): CaseView | Promise<CaseView> {
      const def = byKind.get(spec.kind);
      if (!def) throw new Error(`unknown view kind "${spec.kind}"`);
      // The map keeps kind and definition together: `spec` is the spec of `def`'s kind.
      return (def.create as (s: ViewSpec) => CaseView | Promise<CaseView>)(spec);
    },
  };
}
export type ViewRegistry = ReturnType<typeof createViewRegistry>;
