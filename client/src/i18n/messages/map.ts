/** Messages of the map and its layers (namespace `map`). */
export const mapMessages = {
  'zh-CN': {},
  en: {},
};
