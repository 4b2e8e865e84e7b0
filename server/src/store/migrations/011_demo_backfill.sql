-- The demo's history back-fill (server/src/demo/history-state.ts): one row per city, written
-- when the back-fill starts and after each day it has sent, so a restart resumes after the
-- last day sent (a day is regenerated exactly and re-sent without duplicates) and a finished
-- back-fill is never run again.
create table demo_backfill (
  city text primary key,
  seed integer not null,
  window_from timestamptz not null,
  window_to timestamptz not null,
  days_done integer not null default 0,
  cases integer not null default 0,
  started_at timestamptz not null,
  finished_at timestamptz
);
