-- Login attempts are counted before the password is checked, per (username, address) and per address,
-- and refused with a growing delay once over the limit (last_attempt times that delay).
delete from login_failures;
alter table login_failures add column last_attempt timestamptz not null default now();
