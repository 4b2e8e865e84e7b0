-- The case rollups' change log (issue 12, "keeping the rollups costs ingest ≤ 10 %"): a case
-- change no longer upserts its rollup rows in its own transaction; it appends what it adds to
-- them (after − before of each changed case, one row per change, the rows as a JSON array of
-- [day, district, cell, category, department, source, exercise, then (index in COUNTERS, change)
-- pairs of the counters that changed])
-- in that transaction, and the rollups job folds the log into case_rollups: it deletes a run
-- of log rows and adds their sums in one transaction, so each change is added exactly once and
-- a crash loses nothing. Analysis reads fold what is pending first. `rollups:rebuild` empties
-- the log along with the rollups. The job folds once ingest has been quiet a moment (or the
-- oldest row waited long enough), so a burst of ingest is not slowed by the upserts it defers.
create table case_rollup_log (
  id bigserial primary key,
  logged_at timestamptz not null default now(),
  deltas text not null
);
