import type { Queryable } from '../../store/db.js';
import type { AirDailyReport } from '../../../../shared/contracts/air-daily.js';
import { areaDayMeans, dailyAqi, type AirDayMeans } from '../../../../shared/domain/air-daily.js';
import { aqiStandardFor } from '../../../../shared/domain/aqi.js';

/** Which daily rows to read: China dates `from`..`to` inclusive, one partition, optionally narrowed. */
export interface DailyQuery {
  from: string;
  to: string;
  exercise: boolean;
  /** Only these stations (null: all). */
  stations?: string[] | null;
  /** Only stations of these districts (null: all). */
  districts?: string[] | null;
}

/** An area whose daily figures are wanted: the city (`districts` null) or one district. */
export interface DailyArea {
  scope: string;
  level: 'district' | 'city';
  districts: string[] | null;
}

interface StationDayRow extends AirDayMeans {
  station_id: string;
  day: string;
  district: string | null;
}

async function stationDays(q: Queryable, query: DailyQuery, validOnly = false): Promise<StationDayRow[]> {
  const { rows } = await q.query<StationDayRow>(
    `select station_id, day::text as day, district, means, counts, valid from air_daily
     where exercise = $1 and day >= $2::date and day <= $3::date
       and ($4::text[] is null or station_id = any($4::text[])) and ($5::text[] is null or district = any($5::text[]))
       ${validOnly ? 'and valid' : ''}
     order by day, station_id`,
    [query.exercise, query.from, query.to, query.stations ?? null, query.districts ?? null],
  );
  return rows;
}

function report(date: string, level: AirDailyReport['level'], scope: string, district: string | null, means: AirDayMeans['means'] | null, valid: boolean): AirDailyReport {
  const r = valid && means ? dailyAqi(date, means) : null;
  return {
    date,
    level,
    scope,
    district,
    aqi: r?.aqi ?? null,
    category: r?.category ?? null,
    primaryPollutants: r?.primaryPollutants ?? [],
    iaqi: r?.iaqi ?? {},
    standard: aqiStandardFor(`${date}T00:00:00+08:00`),
    concentrations: means ?? {},
    valid: r !== null,
  };
}

/** Each station's daily report in the range, by date then station. */
export async function stationDailyReports(q: Queryable, query: DailyQuery): Promise<AirDailyReport[]> {
  return (await stationDays(q, query)).map((d) => ({ ...report(d.day, 'station', d.station_id, d.district, d.means, d.valid), counts: d.counts }));
}

/**
 * The areas' daily reports in the range (HJ 663 practice): each concentration the mean over
 * the area's stations with a valid day, the AQI computed from those means — never averaged
 * from station AQIs. Days on which no station of an area was valid are left out.
 */
export async function areaDailyReports(q: Queryable, query: Omit<DailyQuery, 'stations' | 'districts'>, areas: DailyArea[]): Promise<AirDailyReport[]> {
  const districts = areas.some((a) => !a.districts) ? null : [...new Set(areas.flatMap((a) => a.districts!))];
  const byDay = new Map<string, StationDayRow[]>();
  for (const row of await stationDays(q, { ...query, districts }, true)) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const out: AirDailyReport[] = [];
  for (const [day, rows] of byDay) {
    for (const area of areas) {
      const mine = area.districts ? rows.filter((r) => r.district !== null && area.districts!.includes(r.district)) : rows;
      const means = areaDayMeans(mine);
      if (means) out.push({ ...report(day, area.level, area.scope, area.level === 'city' ? null : area.scope, means, true), stations: mine.length });
    }
  }
  return out;
}
