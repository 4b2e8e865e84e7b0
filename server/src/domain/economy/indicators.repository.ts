import type { Queryable } from '../../store/db.js';
import { iso } from '../../store/sql-helpers.js';
import type { Indicator } from '../../../../shared/schemas/indicator.js';

const COLUMNS = 'id, code, region, period, value, cumulative, yoy, cumulative_yoy, mom, unit, annual_target, exercise, updated_at';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fromRow(r: Record<string, unknown>): Omit<Indicator, 'completion' | 'onPace'> {
  return {
    id: String(r.id),
    code: r.code as Indicator['code'],
    region: String(r.region),
    period: String(r.period),
    value: num(r.value),
    cumulative: num(r.cumulative),
    yoy: num(r.yoy),
    cumulativeYoy: num(r.cumulative_yoy),
    mom: num(r.mom),
    unit: String(r.unit),
    annualTarget: num(r.annual_target),
    exercise: r.exercise === true,
    updatedAt: iso(r.updated_at),
  };
}

export type IndicatorRow = ReturnType<typeof fromRow>;

/** Growth rates as the source stated them (null: not stated, so derived). */
export interface GivenRates {
  yoy: number | null;
  cumulativeYoy: number | null;
  mom: number | null;
}

/** A row with what its source stated, so derived rates can be recomputed without losing given ones. */
export type StoredIndicatorRow = IndicatorRow & { given: GivenRates };

/** Stored rows for the given (code, region, period) keys. */
export async function findMany(q: Queryable, keys: { code: string; region: string; period: string }[], exercise: boolean): Promise<StoredIndicatorRow[]> {
  if (!keys.length) return [];
  const { rows } = await q.query(
    `select ${COLUMNS.split(', ')
      .map((c) => `i.${c}`)
      .join(', ')}, i.given_yoy, i.given_cumulative_yoy, i.given_mom from indicators i
     join jsonb_to_recordset($1::jsonb) as k(code text, region text, period text)
       on i.code = k.code and i.region = k.region and i.period = k.period
     where i.exercise = $2`,
    [JSON.stringify(keys), exercise],
  );
  return rows.map((r) => ({ ...fromRow(r), given: { yoy: num(r.given_yoy), cumulativeYoy: num(r.given_cumulative_yoy), mom: num(r.given_mom) } }));
}

/** Inserts or revises rows; returns those whose stored values (given or derived) changed. */
export async function upsert(q: Queryable, rows: StoredIndicatorRow[]): Promise<IndicatorRow[]> {
  if (!rows.length) return [];
  const { rows: out } = await q.query(
    `insert into indicators (id, code, region, period, value, cumulative, yoy, cumulative_yoy, mom, unit, annual_target, exercise,
       given_yoy, given_cumulative_yoy, given_mom, updated_at)
     select id, code, region, period, value, cumulative, yoy, cumulative_yoy, mom, unit, annual_target, exercise,
       given_yoy, given_cumulative_yoy, given_mom, now()
     from jsonb_to_recordset($1::jsonb) as x(id text, code text, region text, period text, value double precision,
       cumulative double precision, yoy double precision, cumulative_yoy double precision, mom double precision,
       unit text, annual_target double precision, exercise boolean, given_yoy double precision,
       given_cumulative_yoy double precision, given_mom double precision)
     on conflict (code, region, period, exercise) do update set value = excluded.value, cumulative = excluded.cumulative,
       yoy = excluded.yoy, cumulative_yoy = excluded.cumulative_yoy, mom = excluded.mom, unit = excluded.unit,
       annual_target = excluded.annual_target, given_yoy = excluded.given_yoy,
       given_cumulative_yoy = excluded.given_cumulative_yoy, given_mom = excluded.given_mom, updated_at = now()
     where (indicators.value, indicators.cumulative, indicators.yoy, indicators.cumulative_yoy, indicators.mom, indicators.unit,
         indicators.annual_target, indicators.given_yoy, indicators.given_cumulative_yoy, indicators.given_mom)
       is distinct from (excluded.value, excluded.cumulative, excluded.yoy, excluded.cumulative_yoy, excluded.mom, excluded.unit,
         excluded.annual_target, excluded.given_yoy, excluded.given_cumulative_yoy, excluded.given_mom)
     returning ${COLUMNS}`,
    [
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          code: r.code,
          region: r.region,
          period: r.period,
          value: r.value,
          cumulative: r.cumulative,
          yoy: r.yoy,
          cumulative_yoy: r.cumulativeYoy,
          mom: r.mom,
          unit: r.unit,
          annual_target: r.annualTarget,
          exercise: r.exercise,
          given_yoy: r.given.yoy,
          given_cumulative_yoy: r.given.cumulativeYoy,
          given_mom: r.given.mom,
        })),
      ),
    ],
  );
  return out.map(fromRow);
}

/** The latest period of every indicator and region, or every period of a year; real figures unless `exercise`. */
export async function list(q: Queryable, f: { region?: string; code?: string; year?: number; latestOnly?: boolean; exercise?: boolean }): Promise<IndicatorRow[]> {
  const params: unknown[] = [f.exercise ?? false];
  const where = ['exercise = $1'];
  if (f.region) where.push(`region = $${params.push(f.region)}`);
  if (f.code) where.push(`code = $${params.push(f.code)}`);
  if (f.year) where.push(`period like $${params.push(`${f.year}-%`)}`);
  const sql = f.latestOnly
    ? `select distinct on (code, region) ${COLUMNS} from indicators where ${where.join(' and ')} order by code, region, period desc`
    : `select ${COLUMNS} from indicators where ${where.join(' and ')} order by code, region, period`;
  const { rows } = await q.query(sql, params);
  return rows.map(fromRow);
}
