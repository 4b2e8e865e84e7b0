import { z } from 'zod';
import type { WidgetDefinition, WidgetRegistry } from '../widgets/registry.js';

/** The screen grid below the header: 24 columns by 12 rows. */
export const GRID = { cols: 24, rows: 12 } as const;

/** A widget's place on the grid, in whole cells from the top-left corner. */
export const widgetArea = z
  .object({ x: z.int().min(0), y: z.int().min(0), w: z.int().min(1), h: z.int().min(1) })
  .refine((a) => a.x + a.w <= GRID.cols && a.y + a.h <= GRID.rows, { message: `area must lie inside the ${GRID.cols}×${GRID.rows} grid` });
export type WidgetArea = z.infer<typeof widgetArea>;

/** One widget instance of a screen. */
export const widgetInstance = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and -'),
  type: z.string().min(1),
  area: widgetArea,
  /** i18n key overriding the widget type's default title. */
  titleKey: z.string().min(1).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type WidgetInstance = z.infer<typeof widgetInstance>;

/** Whether two areas share at least one cell. */
export function overlaps(a: WidgetArea, b: WidgetArea): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A screen (theme) document: its widgets and their areas. */
export const screenDocument = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    titleKey: z.string().min(1),
    widgets: z.array(widgetInstance).min(1),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.widgets.forEach((w, i) => {
      if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'id'], message: `duplicate widget id "${w.id}"` });
      seen.add(w.id);
      for (const other of doc.widgets.slice(0, i)) {
        if (overlaps(w.area, other.area)) ctx.addIssue({ code: 'custom', path: ['widgets', i, 'area'], message: `"${w.id}" overlaps "${other.id}"` });
      }
    });
  });
export type ScreenDocument = z.infer<typeof screenDocument>;

/** A widget instance ready to render: its definition and its parsed options (defaults applied). */
export interface ResolvedWidget extends WidgetInstance {
  def: WidgetDefinition;
  options: Record<string, unknown>;
}

/** A validated screen whose every widget is resolved against a registry. */
export interface ResolvedScreen {
  id: string;
  titleKey: string;
  widgets: ResolvedWidget[];
}

export type ScreenValidation = { ok: true; screen: ResolvedScreen } | { ok: false; issues: string[] };

const describe = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []) => issues.map((i) => `${[...prefix, ...i.path].map(String).join('.') || '(root)'}: ${i.message}`);

/**
 * Validates a screen document: its structure (ids, areas, overlaps), then every widget's type
 * against `registry` and its options against that widget's schema.
 */
export function validateScreen(doc: unknown, registry: WidgetRegistry): ScreenValidation {
  const parsed = screenDocument.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: describe(parsed.error.issues) };
  const issues: string[] = [];
  const widgets: ResolvedWidget[] = [];
  parsed.data.widgets.forEach((w, i) => {
    const def = registry.get(w.type);
    if (!def) return void issues.push(`widgets.${i}.type: unknown widget type "${w.type}"`);
    const options = def.options.safeParse(w.options ?? {});
    if (!options.success) return void issues.push(...describe(options.error.issues, ['widgets', i, 'options']));
    widgets.push({ ...w, def, options: options.data as Record<string, unknown> });
  });
  if (issues.length) return { ok: false, issues };
  return { ok: true, screen: { id: parsed.data.id, titleKey: parsed.data.titleKey, widgets } };
}

/** Like {@link validateScreen}, but throws with every issue listed: for the app's own documents. */
export function resolveScreen(doc: unknown, registry: WidgetRegistry): ResolvedScreen {
  const v = validateScreen(doc, registry);
  if (!v.ok) throw new Error(`invalid screen document ${(doc as { id?: string })?.id ?? ''}:\n${v.issues.join('\n')}`);
  return v.screen;
}
