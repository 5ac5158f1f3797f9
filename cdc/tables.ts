// The commerce tables carried by CDC (users and credentials never are), in publication order.
export const PUBLISHED_TABLES = ['products', 'inventory', 'reviews', 'orders', 'order_items', 'order_events', 'payments'] as const;
export const SCHEMA = 'public';
