import { useI18n } from 'vue-i18n';

/** A distance in metres as the desk writes it: metres under a kilometre, else kilometres to one decimal. */
export function useDistanceLabel(): (m: number) => string {
  const { t } = useI18n();
  return (m) => (m < 1000 ? t('desk.drawer.meters', { n: Math.round(m) }) : t('desk.drawer.kilometers', { n: (m / 1000).toFixed(1) }));
}
