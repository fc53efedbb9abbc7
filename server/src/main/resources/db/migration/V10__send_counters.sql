-- Sends per limit window (per staff member per minute, per destination per hour, segments per day),
-- shared by every instance: each instance adds what it counted since its last sync, in one statement.
create table send_counters (
  key        varchar(80) primary key,
  count      bigint not null,
  expires_at timestamptz not null
);
