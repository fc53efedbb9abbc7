-- Delivery receipts: after 'sent' (the provider took it) a message ends 'delivered', 'undelivered' (with
-- the carrier's reason) or 'unknown' (no final receipt within sms.receipts.final-after). Parts and price
-- come from the provider's events. Widening a varchar rewrites neither the table nor its indexes.
alter table messages alter column status type varchar(12);
alter table message_events alter column status type varchar(12);
alter table messages drop constraint messages_status_check;
alter table messages add constraint messages_status_check
  check (status in ('queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'unknown'));

alter table messages
  add column delivered_at   timestamptz,
  add column parts          int,
  add column price_usd      numeric(12, 5),
  add column carrier_status varchar(40),
  add column carrier_detail varchar(500);

-- An opt-out reported by the provider (the number replied STOP to the carrier) has no staff actor.
alter table suppression_events add column source varchar(8) not null default 'staff'
  check (source in ('staff', 'provider'));
