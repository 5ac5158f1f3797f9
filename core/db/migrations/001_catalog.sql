-- Catalog and stock. Money is integer minor units (paise) with its currency.
create table products (
  id              text primary key,                 -- the dataset's id
  pid             text not null,
  title           text not null,
  brand           text,
  category_path   text[] not null default '{}',
  description     text,
  image_urls      text[] not null default '{}',
  specifications  jsonb not null default '[]'::jsonb,
  -- null when the source lists no price: such a product is shown but not for sale
  price_amount    bigint check (price_amount >= 0),
  mrp_amount      bigint check (mrp_amount >= 0),
  currency        char(3) not null default 'INR',
  rating          numeric(2,1) check (rating between 0 and 5),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);

create table inventory (
  product_id  text primary key references products(id) on delete cascade,
  on_hand     integer not null check (on_hand >= 0),
  reserved    integer not null default 0 check (reserved >= 0 and reserved <= on_hand),
  updated_at  timestamptz not null default now()
);

-- CDC consumers rebuild whole documents from events, so updates carry the old row too.
alter table products replica identity full;
alter table inventory replica identity full;
