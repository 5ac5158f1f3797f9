-- An archived product is hidden from search and refused in new carts; orders that hold it are
-- unaffected. Archiving is reversible, so it is a timestamp rather than a delete.
alter table products add column if not exists archived_at timestamptz;
