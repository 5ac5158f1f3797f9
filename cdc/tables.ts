// The commerce tables carried by CDC (users and credentials never are), in publication order.
export const PUBLISHED_TABLES = ['products', 'inventory', 'reviews', 'orders', 'order_items', 'order_events', 'payments'] as const;
export type PublishedTable = (typeof PUBLISHED_TABLES)[number];
export const SCHEMA = 'public';

// Columns no consumer needs that must not reach Kafka: the address (name, phone) a shopper
// ships to and the payment method's token. The publication's column lists leave them out, so
// they never leave Postgres (consumers that need an order read it: id, status, amount).
export const WITHHELD_COLUMNS: Partial<Record<PublishedTable, readonly string[]>> = {
  orders: ['shipping_address'],
  payments: ['token'],
};
