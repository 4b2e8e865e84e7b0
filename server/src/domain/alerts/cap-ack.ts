import type { Queryable } from '../../store/db.js';
import { AppError } from '../../errors.js';
import { CITY_DUTY_SENDER } from '../../../../shared/schemas/alert.js';
import { toCapAckXml } from '../../../../shared/cap/build-ack.js';
import type { AlertRecord } from './alerts.repository.js';
import { acknowledgedMessage } from './alert-history.repository.js';

/**
 * The CAP 1.2 `Ack` of an alert's acknowledgement, from the city's duty desk. Its identifier
 * is derived from the alert and the acknowledgement's time, so downloading it twice gives the
 * same message and acknowledging again (after the level rose) gives a new one.
 */
export async function capAckFor(q: Queryable, a: AlertRecord): Promise<{ identifier: string; xml: string }> {
  if (!a.acknowledgedAt || !a.acknowledgedBy) throw new AppError(409, 'not_acknowledged', `alert ${a.id} is not acknowledged`);
  // An acknowledgement from before its message was recorded: the alert's own identity stands for it.
  const acknowledged = (await acknowledgedMessage(q, a.id)) ?? { sender: a.sender, identifier: a.sourceId, sent: a.sent };
  const identifier = `ack-${a.id}-${Date.parse(a.acknowledgedAt)}`;
  const xml = toCapAckXml({
    sender: CITY_DUTY_SENDER,
    identifier,
    sent: a.acknowledgedAt,
    status: a.exercise ? 'Exercise' : 'Actual',
    acknowledged,
    note: `${a.acknowledgedBy}: ${a.ackComment ?? ''}`.trim(),
    restriction: 'The issuer of the acknowledged message and the city duty chain',
  });
  return { identifier, xml };
}
