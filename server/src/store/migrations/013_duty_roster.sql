-- 值班值守 (issue 13): the duty roster and the shift handover reports.

-- One shift of the roster: its window, the shift leader (带班领导) and the duty officers
-- (值班员), each `{name, phone}` where `name` is an account's username or a person's name.
-- Shifts never overlap (the service refuses it), so "who is on duty at t" has one answer.
create table duty_shifts (
  id text primary key,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  leader jsonb not null,
  officers jsonb not null,
  note text,
  updated_by text not null,
  updated_at timestamptz not null,
  check (ends_at > starts_at)
);
create index duty_shifts_window on duty_shifts (starts_at, ends_at);

-- 值班日报 / 交接班记录: one per shift, generated when the outgoing officer submits it (its
-- sections keep the figures they had then) and signed off by the incoming officer, after
-- which it never changes.
create table handover_reports (
  id text primary key,
  shift_id text not null unique references duty_shifts (id),
  window_from timestamptz not null,
  window_to timestamptz not null,
  drill boolean not null,
  sections jsonb not null,
  note text,
  submitted_by text not null,
  submitted_at timestamptz not null,
  signed_by text,
  signed_at timestamptz,
  sign_comment text
);
create index handover_reports_submitted on handover_reports (submitted_at desc);
