-- CAP 1.2 identifies a message by sender, identifier and sent together: two senders that
-- number their messages alike are two messages. Messages were keyed by identifier alone.
alter table alert_messages add column sender text;
alter table alert_messages add column sent timestamptz;
update alert_messages set sender = coalesce(payload->>'sender', ''), sent = coalesce((payload->>'sent')::timestamptz, received_at);
alter table alert_messages alter column sender set not null;
alter table alert_messages alter column sent set not null;
alter table alert_messages drop constraint alert_messages_pkey;
alter table alert_messages add primary key (sender, source_id, sent);
-- Test, Draft and System messages are stored (so a 202 always means stored) but raise no alert.
alter table alert_messages alter column alert_id drop not null;
alter table alerts drop constraint alerts_source_id_key;
create index alerts_source on alerts (sender, source_id);

-- warning: an external sender's official warning; notice: the city's own environment rules.
alter table alerts add column kind text not null default 'warning';
update alerts set kind = 'notice' where sender = 'city-cockpit/env';
alter table alerts add column sender_name text;
update alerts a set sender_name = m.payload->>'senderName' from alert_messages m where m.alert_id = a.id and m.msg_type = 'Alert';
-- What screens get when the geometry is large (simplified); null when `areas` is small enough.
alter table alerts add column display_areas jsonb;
