-- The duty officer's desk (issue 11): optimistic concurrency, named handlers, 督办, merging
-- duplicates, and timeline entries that say which action was taken.

-- Rises by one with every change of the case (ingest move, action, escalation, supervision,
-- merge), so two officers acting on one case cannot overwrite each other silently.
alter table cases add column version integer not null default 1;
-- The named handler (承办人) within the department, given on dispatch.
alter table cases add column assignee text;
-- 督办: who formally supervised the case, when, with what note and new due time.
alter table cases add column supervised_at timestamptz;
alter table cases add column supervised_by text;
alter table cases add column supervised_note text;
alter table cases add column supervised_due_at timestamptz;
-- A duplicate closed into its master case: the master's id and why it was closed.
alter table cases add column merged_into uuid references cases (id);
alter table cases add column close_reason text;

create index cases_merged_into on cases (merged_into) where merged_into is not null;
-- No index of its own for related cases (same grid cell and category within a day:
-- cases_reported_at bounds the window) or for the list's deadline sort (cases_open_deadline
-- covers the running cases): every index on cases costs each ingested case, and these two cut
-- durable ingest by about a third (docs/BENCHMARKS.md, eighth session).
-- The live snapshot: every open case of a partition, whatever its age.
create index cases_open_updated on cases (updated_at desc) where status in ('reported', 'registered', 'dispatched', 'in_progress', 'feedback');

-- Which action a step was (null for steps stored before this migration), a feedback's photo,
-- the department the step concerns, and the other case of a merge (the duplicate on the
-- master's entry, the master on the duplicate's).
alter table case_timeline add column action text;
alter table case_timeline add column media_url text;
alter table case_timeline add column department text;
alter table case_timeline add column ref_case uuid;
