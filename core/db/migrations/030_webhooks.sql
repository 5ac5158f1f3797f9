-- Webhooks for integrators. Operators register endpoints through core; the webhook sender in
-- cdc/ turns change events into deliveries (one per endpoint and event id, so a replayed event
-- is not delivered twice), posts them signed with the endpoint's secret, and retries with
-- backoff: a delivery due again is 'pending' with a later next_attempt_at. When retries run out
-- it is 'dead' (and sent to the dead-letter topic). Redelivery sets a delivery pending again.
create table webhook_endpoints (
  id           uuid primary key default gen_random_uuid(),
  url          text not null,
  event_types  text[] not null check (cardinality(event_types) > 0),
  secret       text not null,
  description  text,
  disabled_at  timestamptz,
  created_by   uuid not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table webhook_deliveries (
  id                uuid primary key default gen_random_uuid(),
  endpoint_id       uuid not null references webhook_endpoints(id) on delete cascade,
  event_id          text not null,
  event_type        text not null,
  payload           jsonb not null,
  status            text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
  attempts          integer not null default 0,
  next_attempt_at   timestamptz not null default now(),
  last_attempt_at   timestamptz,
  last_status_code  integer,
  last_error        text,
  delivered_at      timestamptz,
  created_at        timestamptz not null default now(),
  unique (endpoint_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_by_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);

-- One row per HTTP attempt: the delivery log an operator reads.
create table webhook_attempts (
  id           bigserial primary key,
  delivery_id  uuid not null references webhook_deliveries(id) on delete cascade,
  at           timestamptz not null default now(),
  status_code  integer,
  error        text,
  duration_ms  integer not null
);
create index webhook_attempts_by_delivery on webhook_attempts (delivery_id, id);
