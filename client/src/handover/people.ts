import type { DutyPerson } from '../../../shared/schemas/roster.js';

/** "duty、王磊": the people of a shift as a command centre lists them. */
export function names(people: readonly DutyPerson[]): string {
  return people.map((p) => p.name).join('、');
}

/** "duty 0662-3316011、王磊": the people of a shift with their phones, for the printed report. */
export function namesWithPhones(people: readonly DutyPerson[]): string {
  return people.map(withPhone).join('、');
}

/** "防台风演练（12-07 09:00 – 12-07 11:00）；…": the drill sessions of a shift. */
export function drillSpans(drills: readonly { name: string; startedAt: string; endedAt: string | null }[]): string {
  return drills.map((d) => `${d.name}（${shiftTime(d.startedAt)}${d.endedAt ? ` – ${shiftTime(d.endedAt)}` : ''}）`).join('；');
}

/** "duty 0662-3316011": a person with the phone to reach them. */
export function withPhone(p: DutyPerson): string {
  return p.phone ? `${p.name} ${p.phone}` : p.name;
}

/** "12-07 08:30" in China time: a shift boundary as the header and the lists show it. */
export function shiftTime(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(Date.parse(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
