-- The sandbox gateway's ledger: one row per authorisation attempt.
create table payments (
  id          uuid primary key default gen_random_uuid(),
  order_id    uuid not null references orders(id) on delete cascade,
  token       text not null,
  status      text not null check (status in ('authorised', 'declined', 'timed_out', 'captured', 'voided', 'refunded')),
  decline_reason text,
  amount      bigint not null check (amount >= 0),
  currency    char(3) not null default 'INR',
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index payments_by_order on payments (order_id);
-- The last line of defence against a double charge: one captured (or later refunded) payment per order.
create unique index payments_captured_once on payments (order_id) where status in ('captured', 'refunded');
