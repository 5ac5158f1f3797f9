-- Orders the sweeper could not expire (their release violated a constraint, e.g. after a manual
-- stock correction left inventory.reserved below what open orders hold). Each is set aside until
-- retry_at, so the rest of the sweep goes on, and stays listed here for an operator.
create table if not exists order_expiry_failures (
  order_id   uuid primary key references orders(id) on delete cascade,
  attempts   integer not null check (attempts > 0),
  error      text not null,
  failed_at  timestamptz not null default now(),
  retry_at   timestamptz not null
);
