-- City-management cases (网格事件) and their timeline.
create table cases (
  -- Derived from source_id (see server/src/store/ids.ts), so one index serves both.
  id uuid primary key,
  source_id text not null,
  source text not null,
  category text not null,
  kind text not null,
  title text not null,
  description text,
  lon double precision not null,
  lat double precision not null,
  address text,
  district text,
  grid_cell text,
  status text not null,
  department text,
  reported_at timestamptz not null,
  dispatched_at timestamptz,
  deadline_at timestamptz,
  closed_at timestamptz,
  escalated boolean not null default false,
  exercise boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cases_district_reported on cases (district, reported_at desc);
create index cases_reported_at on cases (reported_at desc, id desc);
create index cases_open_deadline on cases (deadline_at) where status in ('dispatched', 'in_progress');

-- Steps after the report; the report itself is the case row's reported_at.
create table case_timeline (
  id bigserial primary key,
  case_id uuid not null references cases (id),
  at timestamptz not null,
  status text not null,
  actor text not null,
  note text
);
create index case_timeline_case on case_timeline (case_id, at);

-- Emergency alerts (应急预警), one row per alert; CAP messages that touched it are kept.
create table alerts (
  id text primary key,
  source_id text not null unique,
  sender text not null,
  sent timestamptz not null,
  category text not null,
  event text not null,
  level text not null,
  severity text not null,
  urgency text not null,
  certainty text not null,
  headline text,
  description text,
  instruction text,
  effective timestamptz,
  expires timestamptz,
  areas jsonb not null default '[]',
  districts text[] not null default '{}',
  state text not null,
  exercise boolean not null default false,
  escalation integer not null default 0,
  acknowledged_by text,
  acknowledged_at timestamptz,
  ack_comment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index alerts_state on alerts (state, level);
create index alerts_updated on alerts (updated_at desc);

create table alert_messages (
  source_id text primary key,
  alert_id text not null references alerts (id),
  msg_type text not null,
  received_at timestamptz not null default now(),
  payload jsonb not null
);

-- Sensor readings (环境监测) with what was derived from them.
create table observations (
  id bigserial primary key,
  station_id text not null,
  kind text not null,
  district text,
  observed_at timestamptz not null,
  "values" jsonb not null,
  assessment jsonb not null,
  exercise boolean not null default false,
  received_at timestamptz not null default now(),
  unique (station_id, observed_at, exercise)
);
create index observations_station_time on observations (station_id, observed_at desc);
create index observations_time on observations (observed_at desc);

-- Economic indicators (经济运行), one row per indicator, region and period.
create table indicators (
  id text primary key,
  code text not null,
  region text not null,
  period text not null,
  value double precision,
  cumulative double precision,
  yoy double precision,
  cumulative_yoy double precision,
  mom double precision,
  unit text not null,
  annual_target double precision,
  exercise boolean not null default false,
  updated_at timestamptz not null default now(),
  unique (code, region, period, exercise)
);

-- Accounts and ingest keys; secrets are stored hashed only.
create table users (
  username text primary key,
  password_hash text not null,
  role text not null,
  districts text[],
  created_at timestamptz not null default now()
);

create table ingest_keys (
  id text primary key,
  name text not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- The live push log: per-topic sequence and the deltas kept for exact replay.
create table live_seq (
  topic text primary key,
  seq bigint not null
);
insert into live_seq (topic, seq) values ('grid', 0), ('alerts', 0), ('env', 0), ('economy', 0), ('kpi', 0);

-- items is json, not jsonb: it is only ever read back whole, so it is kept as sent.
create table live_deltas (
  topic text not null,
  seq bigint not null,
  items json not null,
  created_at timestamptz not null default now(),
  primary key (topic, seq)
);
-- Deltas are large and short-lived: store them out of line uncompressed (compressing in
-- WebAssembly costs more than the bytes it saves).
alter table live_deltas alter column items set storage external;
create index live_deltas_created on live_deltas (created_at);
