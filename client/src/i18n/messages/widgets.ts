/** Messages of the widgets (namespace `widgets`). */
export const widgetMessages = {
  'zh-CN': {},
  en: {},
};
