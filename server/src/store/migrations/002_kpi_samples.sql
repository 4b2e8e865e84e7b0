-- The vital signs once a minute per scope (city and each district), for the KPI trend lines.
-- A later computation in the same minute replaces the earlier one; two nodes writing the
-- same minute agree on the row. Kept for a day (kpi.service prunes).
create table kpi_samples (
  scope text not null,
  minute timestamptz not null,
  signs jsonb not null,
  primary key (scope, minute)
);
create index kpi_samples_minute on kpi_samples (minute);
