import type { Config } from '../config/index.ts';
import type { Sql } from './db/types.ts';
import type { Logger } from './log.ts';
import type { PaymentProvider } from './payment/provider.ts';

// Everything a core route needs, passed in so tests can build the app around a real database
// with their own settings.
export type CoreConfig = Pick<
  Config,
  | 'JWT_PRIVATE_KEY'
  | 'JWT_PUBLIC_KEYS'
  | 'JWT_TTL_SECONDS'
  | 'CART_MAX_LINE_QUANTITY'
  | 'PAYMENT_WINDOW_SECONDS'
  | 'IDEMPOTENCY_TTL_HOURS'
  | 'IDEMPOTENCY_WAIT_MS'
  | 'IDEMPOTENCY_LOCK_TIMEOUT_MS'
  | 'MAX_UNPAID_ORDERS_PER_USER'
  | 'MAX_UNITS_PER_PRODUCT_PER_ORDER'
  | 'NODE_ENV'
  | 'CORE_SERVICE_TOKEN'
  | 'PASSWORD_SCRYPT_COST'
  | 'PASSWORD_HASH_CONCURRENCY'
  | 'PASSWORD_HASH_QUEUE'
  | 'SIGN_IN_ACCOUNT_PER_MINUTE'
  | 'SIGN_IN_ADDRESS_PER_MINUTE'
  | 'CORE_TRUSTED_PROXIES'
>;

export type CoreDeps = { sql: Sql; config: CoreConfig; paymentProvider: PaymentProvider; log: Logger };
