-- Warnings the city publishes (信息发布) and their delivery to webhook receivers.
-- One row per outbound CAP message: a draft (Alert, Update or Cancel) waits for a second
-- person's approval (审核签发); approved, it is published (its CAP XML kept as sent).
create table warning_messages (
  id text primary key,
  -- The warning this message belongs to: the id of its first (Alert) message.
  series_id text not null,
  msg_type text not null check (msg_type in ('Alert', 'Update', 'Cancel')),
  exercise boolean not null,
  state text not null check (state in ('pending', 'rejected', 'published')),
  content jsonb not null,
  drafted_by text not null,
  drafted_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  reject_reason text,
  -- Once published: its CAP identity (sender, identifier = id, sent), the XML and the alert it raised.
  sender text,
  sent timestamptz,
  xml text,
  alert_id text
);
create index warning_messages_state on warning_messages (state, drafted_at desc);
create index warning_messages_feed on warning_messages (exercise, sent desc) where state = 'published';
create index warning_messages_series on warning_messages (series_id);

-- Systems that receive the city's published messages (admin-managed).
create table webhook_receivers (
  id text primary key,
  name text not null,
  url text not null,
  -- Empty: every category / level.
  categories text[] not null,
  levels text[] not null,
  exercises boolean not null,
  -- Kept to compute each delivery's HMAC; shown once when created, never listed.
  secret text not null,
  enabled boolean not null,
  created_by text not null,
  created_at timestamptz not null
);

-- The durable outbox: one row per (receiver, message), written in the publication's
-- transaction. A node claims due rows (row lock + claimed_until lease), posts them and marks
-- each delivered in the database before it moves on.
create table webhook_outbox (
  id text primary key,
  receiver_id text not null references webhook_receivers (id) on delete cascade,
  message_id text not null references warning_messages (id),
  state text not null default 'pending' check (state in ('pending', 'delivered')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  claimed_until timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  unique (receiver_id, message_id)
);
create index webhook_outbox_due on webhook_outbox (next_attempt_at) where state = 'pending';
create index webhook_outbox_message on webhook_outbox (message_id);
