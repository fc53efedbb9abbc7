-- Failed logins per username and per client address, in fixed windows, shared by every instance.
create table login_failures (
  key          varchar(300) primary key,
  window_start timestamptz not null,
  failures     int not null
);
