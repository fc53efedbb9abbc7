-- Opt-outs belong to the phone number, not to one customer row: registering the number again or
-- editing a customer cannot bypass them. Every opt-out and every reversal is recorded with who and when.
create table suppressions (
  phone_number_e164 varchar(16) primary key,
  suppressed_at     timestamptz not null default now(),
  suppressed_by     bigint references users (id) on delete set null,
  customer_id       bigint references customers (id) on delete set null
);

create table suppression_events (
  id                bigint generated always as identity primary key,
  phone_number_e164 varchar(16) not null,
  action            varchar(8) not null check (action in ('opt-out', 'opt-in')),
  actor             bigint references users (id) on delete set null,
  customer_id       bigint references customers (id) on delete set null,
  created_at        timestamptz not null default now()
);
create index suppression_events_number_idx on suppression_events (phone_number_e164, id);

insert into suppressions (phone_number_e164, suppressed_at, customer_id)
select distinct on (phone_number_e164) phone_number_e164, updated_at, id
from customers where opted_out order by phone_number_e164, id;

insert into suppression_events (phone_number_e164, action, customer_id, created_at)
select phone_number_e164, 'opt-out', customer_id, suppressed_at from suppressions;

alter table customers drop column opted_out;
