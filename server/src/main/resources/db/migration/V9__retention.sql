-- Idempotency keys are purged by age (sms.retention.idempotency-keys).
create index idempotency_keys_created_idx on idempotency_keys (created_at);
