import type { DutyPerson, DutyShift, ShiftRequest } from '../../../shared/schemas/roster.js';

/** A shift as the roster form edits it: Beijing wall-clock inputs and one person a line. */
export interface ShiftForm {
  startsAt: string;
  endsAt: string;
  leader: string;
  leaderPhone: string;
  officers: string;
  note: string;
}

const WALL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** An instant as a `datetime-local` value on the Beijing wall clock (`2026-12-08T08:30`). */
export function toWall(iso: string): string {
  const p = Object.fromEntries(WALL.formatToParts(Date.parse(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** A `datetime-local` value read as Beijing time, as ISO 8601 with its offset (empty stays empty for the server to name). */
export function fromWall(wall: string): string {
  return wall ? `${wall}:00+08:00` : '';
}

const person = (line: string): DutyPerson => {
  const m = /^(.+?)\s+([0-9+\-() ]+)$/.exec(line.trim());
  return m ? { name: m[1]!.trim(), phone: m[2]!.trim() } : { name: line.trim() };
};

/** The form of a stored shift (or an empty form starting at `start`). */
export function formOf(s: DutyShift | null, start = ''): ShiftForm {
  if (!s) return { startsAt: start, endsAt: '', leader: '', leaderPhone: '', officers: '', note: '' };
  return {
    startsAt: toWall(s.startsAt),
    endsAt: toWall(s.endsAt),
    leader: s.leader.name,
    leaderPhone: s.leader.phone ?? '',
    officers: s.officers.map((o) => (o.phone ? `${o.name} ${o.phone}` : o.name)).join('\n'),
    note: s.note ?? '',
  };
}

/** What the form sends (`POST`/`PUT /api/v1/roster`); the server validates and names bad fields. */
export function inputOf(f: ShiftForm): ShiftRequest {
  return {
    startsAt: fromWall(f.startsAt),
    endsAt: fromWall(f.endsAt),
    leader: { name: f.leader.trim(), ...(f.leaderPhone.trim() ? { phone: f.leaderPhone.trim() } : {}) },
    officers: f.officers
      .split('\n')
      .filter((l) => l.trim())
      .map(person),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  };
}
