-- Case rollups (issue 12): the sums the heatmap and the evaluation (综合评价) read, kept in
-- the same transaction as every case change (server/src/domain/rollups/), so no analysis
-- scans cases. One row per local day (the city's UTC offset), unit-grid cell (H3 res 10,
-- the case's grid_cell; coarser cells are its parents, computed at query time), district,
-- category, department, source and exercise flag. Each counter sits on the day of its own
-- event; the 按期 counters sit on the deadline's day, with `due`. Empty text stands for none.
-- `npm run rollups:rebuild` recomputes the table from cases + case_timeline.
create table case_rollups (
  day date not null,
  district text not null,
  cell text not null,
  category text not null,
  department text not null,
  source text not null,
  exercise boolean not null,
  reported integer not null default 0,
  hotline integer not null default 0,
  registered integer not null default 0,
  registered_on_time integer not null default 0,
  dispatched integer not null default 0,
  redispatched integer not null default 0,
  fed_back integer not null default 0,
  sent_back integer not null default 0,
  closed integer not null default 0,
  supervised integer not null default 0,
  handling_hours double precision not null default 0,
  handling_count integer not null default 0,
  due integer not null default 0,
  due_fed_back integer not null default 0,
  due_fed_back_on_time integer not null default 0,
  due_closed_on_time integer not null default 0,
  primary key (day, district, cell, category, department, source, exercise)
);
