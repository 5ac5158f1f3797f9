-- A cart belongs to a user or, for guests, to the holder of a token (stored as its sha256).
create table carts (
  id                uuid primary key default gen_random_uuid(),
  user_id           uuid references users(id) on delete cascade,
  guest_token_hash  text unique,
  status            text not null default 'open' check (status in ('open', 'checked_out', 'merged')),
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check (user_id is not null or guest_token_hash is not null)
);
-- At most one open cart per user: concurrent "get or create" calls converge on it.
create unique index carts_one_open_per_user on carts (user_id) where status = 'open';

create table cart_items (
  cart_id     uuid not null references carts(id) on delete cascade,
  product_id  text not null references products(id),
  quantity    integer not null check (quantity > 0),
  added_at    timestamptz not null default now(),
  primary key (cart_id, product_id)
);
