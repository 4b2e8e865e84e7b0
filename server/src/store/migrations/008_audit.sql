-- The audit log (docs/ARCHITECTURE.md → The audit chain): append-only and hash-chained.
-- `seq` is assigned by the appender under an advisory lock, without gaps, so a deleted row
-- shows as a missing number as well as a broken link; `hash` = SHA-256 over `prev_hash` and the
-- row's canonical form (server/src/audit/audit-chain.ts).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor text not null,
  role text not null,
  action text not null,
  target text,
  ip text,
  detail jsonb not null,
  prev_hash text not null,
  hash text not null unique
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, seq);
create index audit_log_action on audit_log (action, seq);
create index audit_log_target on audit_log (target, seq);

-- Append-only as far as the database can say so: rows may be inserted, never changed or removed.
create function audit_log_refuse_change() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;
create trigger audit_log_no_update_delete before update or delete on audit_log for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_refuse_change();

-- A disabled account keeps its row (and its history) but can neither sign in nor use a token.
alter table users add column disabled boolean not null default false;
-- Written by the ingest-use summary (server/src/audit/ingest-use.ts) once a minute, not per request.
alter table ingest_keys add column last_used_at timestamptz;
