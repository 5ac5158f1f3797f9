-- The CDC publication withholds orders.shipping_address (name, phone, address) from Kafka with a
-- column list, and Postgres refuses UPDATE and DELETE on a REPLICA IDENTITY FULL table whose
-- publication lists only some columns. No consumer reads an order's before image (order_events
-- carries every transition), so orders goes back to the primary key as replica identity.
alter table orders replica identity default;
