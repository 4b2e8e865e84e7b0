-- A duty officer may start any plan by hand (手动启动): for an alert the plan does not match, or
-- for a reported event with no alert at all. Such an activation keeps why it was started and,
-- without an alert, what happened. A plan may run again for an alert once its earlier run
-- ended, but never twice at once.
alter table plan_activations alter column alert_id drop not null;
alter table plan_activations alter column alert_level drop not null;
alter table plan_activations alter column alert_state drop not null;
alter table plan_activations drop constraint plan_activations_plan_id_alert_id_key;
create unique index plan_activations_running_per_alert on plan_activations (plan_id, alert_id) where state <> 'ended';
alter table plan_activations add column manual_reason text;
alter table plan_activations add column manual_event text;
