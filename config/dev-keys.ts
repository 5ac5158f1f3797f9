// The development Ed25519 key pair: committed, so anyone can sign with it. It lets `npm start`
// and the tests run without generating keys; config/production-guards.ts refuses it in production.
const DEV_X = '1IxvcrNT9h3QWpmR3Z_7BjZUwjqd6AoRJM_5Sg8dTzQ';
const DEV_D = 'VnOs9xNTQDXjqT5PJ7p1VW2CQE6mNJ1WosCR9k0HEOM';
const DEV_KID = 'local-dev';

export const DEV_JWT_PUBLIC_KEY = { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: DEV_KID, x: DEV_X } as const;
export const DEV_JWT_PRIVATE_KEY = JSON.stringify({ ...DEV_JWT_PUBLIC_KEY, d: DEV_D });
export const DEV_JWT_PUBLIC_KEYS = JSON.stringify({ keys: [DEV_JWT_PUBLIC_KEY] });

/** True when a key setting contains the development key (by its public or private part). */
export const mentionsDevKey = (value: string) => value.includes(DEV_X) || value.includes(DEV_D);
