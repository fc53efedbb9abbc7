-- Lifting an opt-out is a compliance decision: the superuser who makes it gives a reason, kept with
-- the event. Opt-outs need none (and older events have none).
alter table suppression_events add column reason varchar(500);
alter table suppression_events add constraint suppression_events_opt_in_reason
  check (action <> 'opt-in' or reason is not null) not valid;
