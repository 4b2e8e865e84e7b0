-- Rescue resources dispatched (指挥调度): assignments of teams, warehouse materials and shelters
-- to alerts, cases and plan steps, their state history, and the ledger of what each resource
-- has committed. Drill (exercise) assignments keep their own ledger rows, so a drill never
-- changes real stock or real occupancy.
create table dispatch_assignments (
  id text primary key,
  exercise boolean not null,
  target_kind text not null,
  target_id text not null,
  target_label text,
  resource_id text not null,
  kind text not null,
  item text not null,
  quantity integer not null check (quantity >= 0),
  state text not null,
  district text not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  updated_by text not null
);
create index dispatch_assignments_active on dispatch_assignments (exercise, resource_id) where state not in ('done', 'cancelled');
create index dispatch_assignments_updated on dispatch_assignments (updated_at);
create index dispatch_assignments_target on dispatch_assignments (target_kind, target_id);

create table dispatch_history (
  id bigserial primary key,
  assignment_id text not null references dispatch_assignments (id) on delete cascade,
  at timestamptz not null,
  actor text not null,
  state text not null,
  quantity integer not null,
  note text
);
create index dispatch_history_assignment on dispatch_history (assignment_id, at, id);

-- What each resource has out, per item (people of a team, a material of a warehouse, a
-- shelter's occupancy): the pack's figure minus this is what is free. Never negative, never
-- above the pack's figure (the conditional update that commits checks it under the row lock).
create table dispatch_ledger (
  resource_id text not null,
  item text not null,
  exercise boolean not null,
  committed integer not null check (committed >= 0),
  primary key (resource_id, item, exercise)
);
insert into live_seq (topic, seq) values ('dispatch', 0);
