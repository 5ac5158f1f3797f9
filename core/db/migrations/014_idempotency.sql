-- Stripe-style idempotency keys, scoped to the user and the route.
create table idempotency_keys (
  user_id          uuid not null,
  route            text not null,
  key              text not null,
  request_hash     text not null,
  state            text not null check (state in ('in_flight', 'done')),
  response_status  integer,
  response_body    jsonb,
  created_at       timestamptz not null default now(),
  expires_at       timestamptz not null,
  primary key (user_id, route, key)
);
create index idempotency_keys_expiry on idempotency_keys (expires_at);
