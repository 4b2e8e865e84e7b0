import { createI18n } from 'vue-i18n';
import { shellMessages } from './messages/shell.js';
import { mapMessages } from './messages/map.js';
import { widgetMessages } from './messages/widgets.js';
import { adminMessages } from './messages/admin.js';
import { deskAlertMessages } from './messages/desk-alerts.js';
import { deskMessages } from './messages/desk.js';
import { gridMessages } from './messages/grid.js';
import { dispatchMessages } from './messages/dispatch.js';
import { planMessages } from './messages/plans.js';
import { warningMessages } from './messages/warnings.js';
import { handoverMessages } from './messages/handover.js';

/** Languages the cockpit speaks; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_KEY = 'cockpit.locale';

/** Every message, by locale: one module per area of the app, merged under its namespace. */
export const messages = {
  'zh-CN': {
    ...shellMessages['zh-CN'],
    map: mapMessages['zh-CN'],
    widgets: widgetMessages['zh-CN'],
    desk: deskMessages['zh-CN'],
    deskAlerts: deskAlertMessages['zh-CN'],
    admin: adminMessages['zh-CN'],
    grid: gridMessages['zh-CN'],
    dispatch: dispatchMessages['zh-CN'],
    plans: planMessages['zh-CN'],
    warnings: warningMessages['zh-CN'],
    handover: handoverMessages['zh-CN'],
  },
  en: {
    ...shellMessages.en,
    map: mapMessages.en,
    widgets: widgetMessages.en,
    desk: deskMessages.en,
    deskAlerts: deskAlertMessages.en,
    admin: adminMessages.en,
    grid: gridMessages.en,
    dispatch: dispatchMessages.en,
    plans: planMessages.en,
    warnings: warningMessages.en,
    handover: handoverMessages.en,
  },
};

function initialLocale(): Locale {
  const q = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY);
  return ([q, saved].find((l) => (LOCALES as readonly (string | null)[]).includes(l)) as Locale | undefined) ?? 'zh-CN';
}

/** The app's i18n instance (composition mode). */
export const i18n = createI18n({ legacy: false, locale: initialLocale(), fallbackLocale: 'zh-CN', messages });

/** Switches the language and remembers the choice on this browser. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
}
