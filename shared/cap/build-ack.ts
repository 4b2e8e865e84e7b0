import { CAP_NAMESPACE } from './cap-mapping.js';
import { capDateTime, capXmlBuilder, type CapReference } from './build-cap.js';

/** What a CAP 1.2 `Ack` says: who acknowledges which message, when, and the note. */
export interface CapAckInput {
  sender: string;
  identifier: string;
  /** When the acknowledgement was made (ISO instant). */
  sent: string;
  /** Mirrors the acknowledged message: an exercise is acknowledged as an exercise. */
  status: 'Actual' | 'Exercise';
  /** The acknowledged message, as CAP names it: sender, identifier and sent. */
  acknowledged: CapReference;
  note: string;
  /** Who may read it (CAP `restriction`, the scope being Restricted). */
  restriction: string;
}

/**
 * A CAP 1.2 `Ack` (elements in schema order, no `info`): the city's acknowledgement of a
 * message it received, naming that message in `references`.
 */
export function toCapAckXml(ack: CapAckInput): string {
  const ref = ack.acknowledged;
  return capXmlBuilder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    alert: {
      '@xmlns': CAP_NAMESPACE,
      identifier: ack.identifier,
      sender: ack.sender,
      sent: capDateTime(ack.sent),
      status: ack.status,
      msgType: 'Ack',
      scope: 'Restricted',
      restriction: ack.restriction,
      note: ack.note,
      references: `${ref.sender},${ref.identifier},${capDateTime(ref.sent)}`,
    },
  });
}
