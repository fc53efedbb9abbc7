-- Where and with what each session was started, for the member's own list of sessions (the session
-- store keeps only times). Rows of sessions that ended are removed when their user next logs in.
create table session_details (
  session_id varchar(36) primary key,
  user_id    bigint not null,
  address    varchar(64),
  user_agent varchar(300),
  created_at timestamptz not null
);
create index session_details_user_idx on session_details (user_id);
