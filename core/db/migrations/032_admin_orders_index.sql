-- Operators list every customer's orders newest first (GET /admin/orders), paging by
-- (created_at, id); orders_by_user serves only one customer's list.
create index orders_by_created on orders (created_at desc, id desc);
