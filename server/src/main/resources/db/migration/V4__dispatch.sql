-- One row: the provider quota shared by every instance, as a GCRA "theoretical arrival time".
-- Each batch reserves evenly spaced send slots starting at greatest(tat, now()).
create table dispatch_rate_limit (
  id  int primary key check (id = 1),
  tat timestamptz not null default now()
);
insert into dispatch_rate_limit (id) values (1);
