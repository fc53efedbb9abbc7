-- The audit trail: security- and compliance-relevant actions, each written in the transaction of the
-- change it records. Append-only: the trigger refuses every update, and every delete but retention's,
-- which says so for its own transaction only (set local hato.audit_retention = 'on').
create table audit_events (
  id             bigint generated always as identity primary key,
  at             timestamptz not null,
  action         varchar(40) not null,
  actor_id       bigint,
  actor_username varchar(150),
  object_type    varchar(20),
  object_id      varchar(64),
  address        varchar(64),
  request_id     varchar(100),
  before         jsonb,
  after          jsonb
);
create index audit_events_at_idx on audit_events (at);
create index audit_events_actor_idx on audit_events (actor_username, id);
create index audit_events_action_idx on audit_events (action, id);
create index audit_events_object_idx on audit_events (object_type, object_id, id);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('hato.audit_retention', true) = 'on' then
    return old;
  end if;
  raise exception 'audit_events is append-only (%)', tg_op using errcode = 'integrity_constraint_violation';
end $$;

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function audit_events_append_only();
