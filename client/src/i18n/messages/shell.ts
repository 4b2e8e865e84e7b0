/** Messages of the app shell: login, screen frame, header, carousel, freshness, drill mode. */
export const shellMessages = {
  'zh-CN': {},
  en: {},
};
