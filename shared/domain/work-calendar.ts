/**
 * The deadline clock (计时类型): a category's deadline counts either natural hours or the
 * working hours of the city's calendar — working weekdays and daily hours, public holidays
 * (法定节假日) and make-up working days (调休上班).
 *
 * Plain arithmetic on a fixed UTC offset: Chinese cities keep UTC+8 all year, so a local day
 * is `floor((epoch + offset) / 1 day)` exactly and no time-zone database is needed. Spans of
 * months cost one step per calendar day (whole days are skipped, never walked minute by minute).
 */

export interface WorkCalendar {
  /** Local time minus UTC, in minutes (480 for China Standard Time). */
  utcOffsetMinutes: number;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  /** Working spans of a working day, 'HH:MM' local time, in order and not overlapping ('24:00' ends a day). */
  hours: Array<[string, string]>;
  /** Days off (YYYY-MM-DD), even when they fall on a working weekday. */
  holidays: string[];
  /** Make-up working days (调休上班, YYYY-MM-DD), even when they fall on a weekend. */
  workingDays: string[];
}

export type DeadlineClock = 'natural' | 'working';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar made ready for arithmetic: spans in ms after local midnight, day sets by day number. */
interface Compiled {
  offset: number;
  workdays: ReadonlySet<number>;
  spans: ReadonlyArray<readonly [number, number]>;
  perDay: number;
  holidays: ReadonlySet<number>;
  workingDays: ReadonlySet<number>;
}

const compiled = new WeakMap<WorkCalendar, Compiled>();

function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or null when it is no real date. */
function dayNumber(ymd: string): number | null {
  if (!YMD.test(ymd)) return null;
  const ms = Date.parse(`${ymd}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== ymd ? null : ms / DAY;
}

/** One problem of a calendar: the field ('hours[1]', 'holidays[3]', …) and what is wrong with it. */
export interface CalendarProblem {
  field: string;
  message: string;
}

/**
 * What is wrong with a calendar; empty when it is usable. A calendar with no working time at
 * all is a problem: its deadlines would never come.
 */
export function workCalendarProblems(cal: WorkCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!Number.isInteger(cal.utcOffsetMinutes) || Math.abs(cal.utcOffsetMinutes) > 14 * 60) add('utcOffsetMinutes', 'a whole number of minutes within ±14 hours');
  if (cal.workdays.length === 0) add('workdays', 'at least one working weekday');
  cal.workdays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) add(`workdays[${i}]`, `an ISO weekday 1 (Monday) to 7 (Sunday), not ${d}`);
  });
  if (cal.hours.length === 0) add('hours', 'at least one working span');
  let previousEnd = -1;
  cal.hours.forEach(([from, to], i) => {
    const a = minutesOf(from);
    const b = minutesOf(to);
    if (a === null || b === null) add(`hours[${i}]`, `'HH:MM' times, not '${from}'–'${to}'`);
    else if (a >= b) add(`hours[${i}]`, `'${from}' is not before '${to}'`);
    else if (a < previousEnd) add(`hours[${i}]`, 'starts before the previous span ends');
    if (b !== null) previousEnd = b;
  });
  for (const field of ['holidays', 'workingDays'] as const) {
    cal[field].forEach((d, i) => {
      if (dayNumber(d) === null) add(`${field}[${i}]`, `a YYYY-MM-DD date, not '${d}'`);
    });
  }
  const off = new Set(cal.holidays);
  const both = cal.workingDays.findIndex((d) => off.has(d));
  if (both >= 0) add(`workingDays[${both}]`, `${cal.workingDays[both]} is also a holiday`);
  return problems;
}

function compile(cal: WorkCalendar): Compiled {
  const hit = compiled.get(cal);
  if (hit) return hit;
  const problems = workCalendarProblems(cal);
  if (problems.length > 0) throw new RangeError(`invalid work calendar: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  const spans = cal.hours.map(([a, b]) => [minutesOf(a)! * MINUTE, minutesOf(b)! * MINUTE] as const);
  const days = (list: string[]) => new Set(list.map((d) => dayNumber(d)!));
  const c: Compiled = {
    offset: cal.utcOffsetMinutes * MINUTE,
    workdays: new Set(cal.workdays),
    spans,
    perDay: spans.reduce((sum, [a, b]) => sum + b - a, 0),
    holidays: days(cal.holidays),
    workingDays: days(cal.workingDays),
  };
  compiled.set(cal, c);
  return c;
}

function isWorking(c: Compiled, day: number): boolean {
  if (c.workingDays.has(day)) return true;
  if (c.holidays.has(day)) return false;
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 (day 0) was a Thursday
  return c.workdays.has(isoWeekday);
}

/** Working milliseconds of day `day` between `from` and `to` ms after its local midnight. */
function workedWithin(c: Compiled, day: number, from: number, to: number): number {
  if (!isWorking(c, day)) return 0;
  if (from <= 0 && to >= DAY) return c.perDay;
  let sum = 0;
  for (const [a, b] of c.spans) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return sum;
}

function checkInstant(d: Date, name: string): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`invalid ${name} date`);
  return ms;
}

/**
 * The instant `hours` after `start` on `clock`. Natural: plain elapsed time. Working: only
 * time inside the calendar's working spans counts; a start outside working hours begins at
 * the next working moment, and a deadline that uses up a span ends at that span's end
 * (17:30, not the next morning). Zero hours is `start` itself; negative hours throw.
 */
export function addClockHours(clock: DeadlineClock, cal: WorkCalendar, start: Date, hours: number): Date {
  const at = checkInstant(start, 'start');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`invalid clock hours: ${hours}`);
  if (clock === 'natural' || hours === 0) return new Date(Math.round(at + hours * HOUR));
  const c = compile(cal);
  let left = hours * HOUR;
  const local = at + c.offset;
  let day = Math.floor(local / DAY);
  let from = local - day * DAY;
  for (;;) {
    if (isWorking(c, day)) {
      if (from <= 0 && left > c.perDay) left -= c.perDay;
      else
        for (const [a, b] of c.spans) {
          const p = Math.max(a, from);
          if (p >= b) continue;
          if (left <= b - p) return new Date(Math.round(day * DAY + p + left - c.offset));
          left -= b - p;
        }
    }
    day += 1;
    from = 0;
  }
}

/**
 * Hours on `clock` from `from` to `to` (negative when `to` is earlier). Working: only time
 * inside working spans counts, so a case fed back on Monday 09:30 after dispatch on Friday
 * 17:00 took 1.5 working hours.
 */
export function clockHoursBetween(clock: DeadlineClock, cal: WorkCalendar, from: Date, to: Date): number {
  const a = checkInstant(from, 'from');
  const b = checkInstant(to, 'to');
  if (clock === 'natural') return (b - a) / HOUR;
  if (b < a) return -clockHoursBetween(clock, cal, to, from);
  const c = compile(cal);
  const la = a + c.offset;
  const lb = b + c.offset;
  const firstDay = Math.floor(la / DAY);
  const lastDay = Math.floor(lb / DAY);
  if (firstDay === lastDay) return workedWithin(c, firstDay, la - firstDay * DAY, lb - firstDay * DAY) / HOUR;
  let sum = workedWithin(c, firstDay, la - firstDay * DAY, DAY) + workedWithin(c, lastDay, 0, lb - lastDay * DAY);
  for (let day = firstDay + 1; day < lastDay; day += 1) sum += workedWithin(c, day, 0, DAY);
  return sum / HOUR;
}
