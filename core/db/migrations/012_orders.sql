-- Orders keep price snapshots; every status change is appended to order_events.
create table orders (
  id                uuid primary key default gen_random_uuid(),
  user_id           uuid not null references users(id),
  cart_id           uuid references carts(id),
  status            text not null check (status in ('pending_payment', 'paid', 'packed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'refunded')),
  total_amount      bigint not null check (total_amount >= 0),
  currency          char(3) not null default 'INR',
  shipping_address  jsonb,
  payment_due_at    timestamptz not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index orders_by_user on orders (user_id, created_at desc, id desc);
create index orders_awaiting_payment on orders (payment_due_at) where status = 'pending_payment';

create table order_items (
  order_id     uuid not null references orders(id) on delete cascade,
  product_id   text not null references products(id),
  title        text not null,
  quantity     integer not null check (quantity > 0),
  unit_amount  bigint not null check (unit_amount >= 0),
  primary key (order_id, product_id)
);
create index order_items_by_product on order_items (product_id);

create table order_events (
  id        bigserial primary key,
  order_id  uuid not null references orders(id) on delete cascade,
  status    text not null,
  reason    text,
  at        timestamptz not null default clock_timestamp()
);
create index order_events_by_order on order_events (order_id, id);

-- CDC consumers need the old row on updates and deletes.
alter table orders replica identity full;
alter table order_items replica identity full;
