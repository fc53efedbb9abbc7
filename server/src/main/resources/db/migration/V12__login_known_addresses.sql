-- Addresses each user logged in from successfully (key: SHA-256 of address and normalised username).
-- While such an address has no failures for that user, other people's failures (an office's typos
-- behind one NAT, an attacker spraying the account from elsewhere) do not slow the user's logins there.
create table login_known_addresses (
  key          char(64) primary key,
  last_success timestamptz not null
);
create index login_known_addresses_last_success_idx on login_known_addresses (last_success);
