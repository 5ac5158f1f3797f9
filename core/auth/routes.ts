import type { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { jwksRoute, loginRoute, registerRoute } from '../../openapi/routes/auth.ts';
import type { AuthResponse } from '../../openapi/schemas/auth.ts';
import { mergeGuestCart } from '../cart/cart-store.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, unauthorized } from '../errors/domain-error.ts';
import { clientAddress, parseTrustedProxies } from './client-address.ts';
import { createHashPool } from './hash-pool.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import { countSignIn, signInBuckets } from './sign-in-limits.ts';
import { issueToken, tokenKeys } from './tokens.ts';
import { createUser, findUserByEmail, upgradePasswordHash, type User } from './users.ts';

export function registerAuthRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config } = deps;
  const cost = { N: config.PASSWORD_SCRYPT_COST, r: 8, p: 1 };
  const hashing = createHashPool({ concurrency: config.PASSWORD_HASH_CONCURRENCY, queue: config.PASSWORD_HASH_QUEUE });
  const limits = { perAccount: config.SIGN_IN_ACCOUNT_PER_MINUTE, perAddress: config.SIGN_IN_ADDRESS_PER_MINUTE };
  const trusted = parseTrustedProxies(config.CORE_TRUSTED_PROXIES);
  const { jwks } = tokenKeys(config);
  // Unknown emails still pay for one hash, so response time does not reveal which accounts exist.
  const decoy = hashPassword('decoy-password', cost);

  const countAttempt = (c: Context, email: string) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // served without a socket (app.request): no peer to limit by
    }
    return countSignIn(sql, signInBuckets(email, clientAddress(peer, c.req.header('x-forwarded-for'), trusted), limits));
  };

  const session = async (user: User, cartToken: string | undefined): Promise<AuthResponse> => {
    if (cartToken) await mergeGuestCart(sql, cartToken, user.id, config.CART_MAX_LINE_QUANTITY);
    const access_token = await issueToken(config, user);
    return { access_token, token_type: 'Bearer', expires_in: config.JWT_TTL_SECONDS, user };
  };

  // A stored hash weaker than today's cost is replaced once the password is known to be right.
  // The upgrade waits its turn in the pool; when the pool is full it is left for the next login.
  const upgrade = async (userId: string, stored: string, password: string) => {
    try {
      await upgradePasswordHash(sql, userId, stored, await hashing(() => hashPassword(password, cost)));
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'overloaded')) throw err;
    }
  };

  app.openapi(registerRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    await countAttempt(c, email);
    const user = await createUser(sql, email, await hashing(() => hashPassword(password, cost)));
    if (!user) throw new DomainError('email-taken', 'an account with this email exists');
    return c.json(await session(user, c.req.valid('header')['x-cart-token']), 201);
  });

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    await countAttempt(c, email);
    const user = await findUserByEmail(sql, email);
    const stored = user?.password_hash ?? (await decoy);
    const ok = await hashing(() => verifyPassword(password, stored));
    if (!user || !ok) throw unauthorized('invalid email or password');
    if (needsRehash(stored, cost)) await upgrade(user.id, stored, password);
    return c.json(await session({ id: user.id, email: user.email, role: user.role }, c.req.valid('header')['x-cart-token']), 200);
  });

  app.openapi(jwksRoute, (c) => c.json(jwks, 200, { 'cache-control': 'public, max-age=300' }));
}
