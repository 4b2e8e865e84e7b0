import type { Outbound } from './messages.js';

/**
 * The same message as a drill sends it: exercise data on every channel (grid events and
 * readings `exercise: true`, citizen reports `exercise=true`, indicators `exercise: true`, CAP
 * `status` Exercise). A drill run passes everything it sends through here, so no generator,
 * present or future, can send real data from a drill.
 */
export function asExercise(m: Outbound): Outbound {
  switch (m.channel) {
    case 'grid':
      return { ...m, payload: { ...m.payload, exercise: true } };
    case 'observation':
      return { ...m, payload: { ...m.payload, exercise: true } };
    case 'open311':
      return { ...m, payload: { ...m.payload, exercise: 'true' } };
    case 'indicators':
      return { ...m, payload: m.payload.map((row) => ({ ...row, exercise: true })) };
    case 'alert':
      return { ...m, payload: { ...m.payload, status: 'Exercise' } };
  }
}
