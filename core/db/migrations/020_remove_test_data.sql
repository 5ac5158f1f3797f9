-- What the test suites and benchmarks left here while they still ran on the served database
-- (they now have their own, test/support/settings.ts): their products (ids test-*, e2e-*,
-- bench-*, and the CDC suites' cdc…-* and inval-*) with their stock, carts, reviews and orders,
-- and the users they created (@example.com addresses with the harnesses' prefixes) with theirs.
-- Stock those orders still held of catalog products goes back: a pending order's reservation is
-- released, a sold one's units return to the shelf. Matches nothing on a clean database.
create temporary table leftover_users on commit drop as
  select id from users where email ~ '^(core-(test|smoke|guest|dup)|e2e|bench|x)-[0-9a-f-]+@example\.com$';

create temporary table leftover_products on commit drop as
  select id from products where id ~ '^(test|e2e|bench|cdc[a-z]+|inval)-';

create temporary table leftover_orders on commit drop as
  select id, status from orders
  where user_id in (select id from leftover_users)
     or id in (select order_id from order_items where product_id in (select id from leftover_products));

update inventory i set
  reserved = i.reserved - held.pending,
  on_hand = i.on_hand + held.sold,
  updated_at = now()
from (
  select oi.product_id,
         coalesce(sum(oi.quantity) filter (where o.status = 'pending_payment'), 0) as pending,
         coalesce(sum(oi.quantity) filter (where o.status in ('paid', 'packed', 'shipped', 'out_for_delivery', 'delivered')), 0) as sold
  from order_items oi join leftover_orders o on o.id = oi.order_id
  where oi.product_id not in (select id from leftover_products)
  group by oi.product_id
) held
where i.product_id = held.product_id;

-- order_items, order_events and payments go with their orders; carts, reviews with their users;
-- inventory and reviews with their products.
delete from orders where id in (select id from leftover_orders);
delete from cart_items where product_id in (select id from leftover_products);
delete from idempotency_keys where user_id in (select id from leftover_users);
delete from users where id in (select id from leftover_users);
delete from products where id in (select id from leftover_products);
