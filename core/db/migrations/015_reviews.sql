-- One review per user and product, for products the user has bought.
create table reviews (
  id          uuid primary key default gen_random_uuid(),
  product_id  text not null references products(id) on delete cascade,
  user_id     uuid not null references users(id) on delete cascade,
  rating      smallint not null check (rating between 1 and 5),
  title       text not null,
  body        text not null,
  created_at  timestamptz not null default now(),
  unique (user_id, product_id)
);
create index reviews_by_product on reviews (product_id, created_at desc);
alter table reviews replica identity full;
