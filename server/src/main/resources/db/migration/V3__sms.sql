create table customers (
  id                bigint generated always as identity primary key,
  phone_number      varchar(32) not null,
  phone_number_e164 varchar(16) not null,
  name              varchar(255),
  external_id       varchar(255),
  opted_out         boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index customers_e164_idx on customers (phone_number_e164, id);

create table send_tokens (
  id          bigint generated always as identity primary key,
  -- SHA-256 of the token: a leaked table cannot be replayed.
  token_hash  bytea not null unique,
  customer_id bigint not null references customers (id) on delete cascade,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  created_by  bigint references users (id),
  created_at  timestamptz not null default now()
);
create index send_tokens_customer_idx on send_tokens (customer_id);

create table templates (
  id          bigint generated always as identity primary key,
  customer_id bigint not null references customers (id) on delete cascade,
  name        varchar(100) not null,
  content     text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint templates_customer_name_uq unique (customer_id, name)
);

-- The messages table is also the dispatcher's outbox.
create table messages (
  id                  bigint generated always as identity primary key,
  customer_id         bigint not null references customers (id),
  template_id         bigint references templates (id) on delete set null,
  phone_number_e164   varchar(16) not null,
  body                text not null,
  encoding            varchar(5) not null,
  segments            int not null,
  status              varchar(10) not null default 'queued'
                      check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts            int not null default 0,
  next_attempt_at     timestamptz not null default now(),
  lease_until         timestamptz,
  provider_message_id varchar(128),
  last_error          text,
  sent_by             bigint not null references users (id),
  created_at          timestamptz not null default now(),
  sent_at             timestamptz
);
create index messages_customer_idx on messages (customer_id, id desc);
create index messages_sent_by_idx on messages (sent_by, id desc);
create index messages_status_idx on messages (status, id desc);
create index messages_created_idx on messages (created_at);
create index messages_e164_idx on messages (phone_number_e164, id desc);
create index messages_due_idx on messages (next_attempt_at) where status = 'queued';
create index messages_lease_idx on messages (lease_until) where status = 'sending';

create table message_events (
  id         bigint generated always as identity primary key,
  message_id bigint not null references messages (id) on delete cascade,
  status     varchar(10) not null,
  detail     text,
  created_at timestamptz not null default now()
);
create index message_events_message_idx on message_events (message_id, id);

create table idempotency_keys (
  user_id      bigint not null references users (id) on delete cascade,
  key          varchar(255) not null,
  request_hash bytea not null,
  -- Null only inside the transaction that claimed the key and is still sending.
  message_id   bigint references messages (id) on delete cascade,
  created_at   timestamptz not null default now(),
  primary key (user_id, key)
);
