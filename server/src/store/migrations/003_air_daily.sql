-- Daily air results (日报) per station, China day and partition (real or drill), maintained
-- when air readings land (server/src/domain/env/daily-aqi.ts): the valid daily
-- concentrations, what they rest on, and whether the day counts. Daily AQI, city and district
-- figures and the year-to-date good-day ratio are derived from these rows, never from history.
create table air_daily (
  station_id text not null,
  day date not null,
  exercise boolean not null default false,
  district text,
  means jsonb not null,
  counts jsonb not null,
  valid boolean not null,
  updated_at timestamptz not null default now(),
  primary key (station_id, day, exercise)
);
create index air_daily_day on air_daily (exercise, day);
