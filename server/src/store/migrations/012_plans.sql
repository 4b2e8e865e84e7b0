-- Structured response plans (结构化预案): one activation per plan and alert, proposed when the
-- alert comes in, started by a duty officer (or by itself at the plan's levels), followed step
-- by step and ended (终止响应). The plan is kept as it was when proposed, so editing the pack
-- never rewrites a response under way. Exercise activations follow exercise alerts only.
create table plan_activations (
  id text primary key,
  plan_id text not null,
  plan jsonb not null,
  alert_id text not null references alerts (id) on delete cascade,
  exercise boolean not null,
  districts text[] not null,
  state text not null,
  response_level text not null,
  alert_level text not null,
  alert_state text not null,
  alert_ended boolean not null default false,
  version integer not null default 1,
  proposed_at timestamptz not null,
  started_at timestamptz,
  started_by text,
  ended_at timestamptz,
  ended_by text,
  updated_at timestamptz not null,
  unique (plan_id, alert_id)
);
create index plan_activations_running on plan_activations (exercise, proposed_at) where state <> 'ended';
create index plan_activations_alert on plan_activations (alert_id);
create index plan_activations_window on plan_activations (proposed_at, ended_at);

-- Where each step stands: done or not, and the last tick or untick (who, when, note).
create table plan_step_states (
  activation_id text not null references plan_activations (id) on delete cascade,
  step_id text not null,
  done boolean not null,
  at timestamptz not null,
  by_user text not null,
  note text,
  primary key (activation_id, step_id)
);

-- Everything that happened to an activation, oldest first: proposed, activated, each level
-- change (from, to, the alert level behind it), each tick and untick, the alert ending, ended.
create table plan_history (
  id bigserial primary key,
  activation_id text not null references plan_activations (id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  actor text,
  step_id text,
  from_level text,
  to_level text,
  alert_level text,
  note text
);
create index plan_history_activation on plan_history (activation_id, at, id);

insert into live_seq (topic, seq) values ('plans', 0);
