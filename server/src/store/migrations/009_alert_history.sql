-- What happened to each alert, oldest first: received, updated (with what changed), cancelled,
-- each escalation step, acknowledged (who, comment), expired. Written in the transaction of
-- the change itself, so the history never disagrees with the alert.
create table alert_history (
  id bigserial primary key,
  alert_id text not null references alerts (id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  actor text,
  step integer,
  changes jsonb,
  comment text,
  -- The CAP message the entry concerns ({sender, identifier, sent}): the one received, or the
  -- one an acknowledgement acknowledged (named in the city's CAP Ack).
  message jsonb
);
create index alert_history_alert on alert_history (alert_id, at, id);

-- Alerts stored before the history began get what is known of them: when their first message
-- came in, and their acknowledgement.
insert into alert_history (alert_id, at, kind, actor, message)
  select a.id, coalesce(m.received_at, a.created_at), 'received', a.sender,
    jsonb_build_object('sender', a.sender, 'identifier', a.source_id, 'sent', coalesce(m.payload->>'sent', to_json(a.sent)#>>'{}'))
  from alerts a
  left join lateral (select received_at, payload from alert_messages where alert_id = a.id order by received_at, sent limit 1) m on true;
insert into alert_history (alert_id, at, kind, actor, comment, message)
  select a.id, a.acknowledged_at, 'acknowledged', a.acknowledged_by, a.ack_comment,
    (select jsonb_build_object('sender', m.sender, 'identifier', m.source_id, 'sent', coalesce(m.payload->>'sent', to_json(m.sent)#>>'{}'))
     from alert_messages m where m.alert_id = a.id and m.msg_type in ('Alert', 'Update') and m.received_at <= a.acknowledged_at
     order by m.received_at desc, m.sent desc limit 1)
  from alerts a where a.acknowledged_at is not null;
