import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapMessages } from '../../../../client/src/i18n/messages/map.js';
import { shellMessages } from '../../../../client/src/i18n/messages/shell.js';
import { widgetMessages } from '../../../../client/src/i18n/messages/widgets.js';
import { adminMessages } from '../../../../client/src/i18n/messages/admin.js';
import { deskAlertMessages } from '../../../../client/src/i18n/messages/desk-alerts.js';
import { deskMessages } from '../../../../client/src/i18n/messages/desk.js';
import { LOCALES, messages } from '../../../../client/src/i18n/index.js';

// Vitest runs from the repository root (jsdom gives import.meta.url no file scheme).
const CLIENT_SRC = path.resolve('client/src');

/** Every leaf of a message tree as a dot path. */
function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const files = { shell: shellMessages, map: mapMessages, widgets: widgetMessages, desk: deskMessages, deskAlerts: deskAlertMessages, admin: adminMessages } as Record<string, Record<string, unknown>>;

describe('message files', () => {
  it.each(Object.keys(files))('%s has the same keys in every locale', (name) => {
    const byLocale = LOCALES.map((l) => leaves(files[name]![l]).sort());
    for (const keys of byLocale.slice(1)) expect(keys).toEqual(byLocale[0]);
  });

  it('gives every locale the same keys once merged', () => {
    const [first, ...rest] = LOCALES.map((l) => leaves(messages[l]).sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('has no empty message', () => {
    for (const l of LOCALES) {
      const empty = leaves(messages[l]).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages[l]) === '');
      expect(empty).toEqual([]);
    }
  });
});

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return vueFiles(p);
    return e.name.endsWith('.vue') ? [p] : [];
  });
}

/** The template block of a single-file component, HTML comments removed. */
function template(source: string): string {
  const m = /<template[^>]*>([\s\S]*)<\/template>/.exec(source);
  return (m?.[1] ?? '').replace(/<!--[\s\S]*?-->/g, '');
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe('component templates', () => {
  it('contain no Chinese text outside i18n', () => {
    const files = vueFiles(CLIENT_SRC);
    expect(files.length).toBeGreaterThan(0);
    const offenders = files.flatMap((f) =>
      template(readFileSync(f, 'utf8'))
        .split('\n')
        .map((line, i) => ({ file: path.relative(CLIENT_SRC, f), line: i + 1, text: line.trim() }))
        .filter((l) => CJK.test(l.text)),
    );
    expect(offenders).toEqual([]);
  });

  it('would catch a raw Chinese label', () => {
    expect(CJK.test(template('<template><h2>数据延迟</h2></template>'))).toBe(true);
    expect(CJK.test(template("<template><h2>{{ t('freshness.stale') }}</h2></template>"))).toBe(false);
  });
});
