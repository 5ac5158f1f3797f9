-- A retry may take over an in-flight key whose request died with its process (locked_at older
-- than IDEMPOTENCY_LOCK_TIMEOUT_MS). claim names the attempt holding the key, so an attempt that
-- lost it to a retry cannot forget it.
alter table idempotency_keys add column if not exists locked_at timestamptz not null default now(), add column if not exists claim uuid;
