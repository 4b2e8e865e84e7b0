-- Drill sessions (指挥演练): when a drill runs, so every screen can show it and stop showing it.
-- Exercise data is kept apart from real data by its exercise flag whatever the sessions say.
create table drills (
  id text primary key,
  name text not null,
  scenario text,
  districts text[] not null,
  started_at timestamptz not null,
  started_by text not null,
  ended_at timestamptz,
  ended_by text,
  last_data_at timestamptz not null
);
create index drills_open on drills (started_at) where ended_at is null;
insert into live_seq (topic, seq) values ('drills', 0);

-- The drill's own vital signs are sampled beside the real ones, in their own partition.
alter table kpi_samples add column exercise boolean not null default false;
alter table kpi_samples drop constraint kpi_samples_pkey;
alter table kpi_samples add primary key (scope, minute, exercise);
