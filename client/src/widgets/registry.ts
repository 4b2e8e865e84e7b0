import type { Component } from 'vue';
import type { z } from 'zod';
import type { SourceId } from '../freshness/freshness.js';

/**
 * One kind of widget. Its component gets the props `{ options, mode }` (options parsed by
 * `options`, mode `'real' | 'drill'`) and fills its area; the frame around it (title,
 * freshness, drill marking) is the screen's job.
 */
export interface WidgetDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  /** i18n key of the default title. */
  titleKey: string;
  component: Component;
  /** Schema of the instance options, with defaults. */
  options: S;
  /** The sources whose freshness the widget shows. */
  sources(options: z.infer<S>): readonly SourceId[];
  /** Whether the widget has drill (exercise) data to show in drill mode. */
  drill: boolean;
}

/** Identity helper that keeps a definition's option type. */
export function defineWidget<S extends z.ZodType>(def: WidgetDefinition<S>): WidgetDefinition<S> {
  return def;
}

/** A registry of widget types; registering a type twice is a programming error. */
export function createWidgetRegistry() {
  const byType = new Map<string, WidgetDefinition>();
  return {
    register(def: WidgetDefinition): void {
      if (byType.has(def.type)) throw new Error(`widget type "${def.type}" is registered twice`);
      byType.set(def.type, def);
    },
    get(type: string): WidgetDefinition | undefined {
      return byType.get(type);
    },
    types(): string[] {
      return [...byType.keys()];
    },
  };
}
export type WidgetRegistry = ReturnType<typeof createWidgetRegistry>;
