import type { Assignment } from '../../../shared/schemas/dispatch.js';

type T = (key: string, values?: Record<string, unknown>) => string;
type Te = (key: string) => boolean;

/** A ledger item's name: a material's (沙袋), or the item code when the pack names one the client does not know. */
export function itemName(item: string, t: T, te: Te): string {
  return te(`map.material.${item}`) ? t(`map.material.${item}`) : item;
}

/** What an assignment holds, as a person reads it: "12 人", "沙袋 × 500", "安置 120 人". */
export function quantityText(a: Pick<Assignment, 'kind' | 'item' | 'quantity'>, t: T, te: Te, total?: number): string {
  if (a.kind === 'team') return t('dispatch.quantity.people', { n: a.quantity });
  if (a.kind === 'shelter') return t('dispatch.quantity.occupancy', { n: a.quantity, total: total ?? '—' });
  return `${itemName(a.item, t, te)} × ${a.quantity}`;
}
