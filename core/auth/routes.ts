import type { OpenAPIHono } from '@hono/zod-openapi';
import { loginRoute, registerRoute } from '../../openapi/routes/auth.ts';
import type { AuthResponse } from '../../openapi/schemas/auth.ts';
import { mergeGuestCart } from '../cart/cart-store.ts';
import type { CoreDeps } from '../deps.ts';
import { DomainError, unauthorized } from '../errors/domain-error.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { issueToken } from './tokens.ts';
import { createUser, findUserByEmail, type User } from './users.ts';

export function registerAuthRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config } = deps;
  const cost = { N: config.PASSWORD_SCRYPT_COST, r: 8, p: 1 };
  // Unknown emails still pay for one hash, so response time does not reveal which accounts exist.
  const decoy = hashPassword('decoy-password', cost);

  const session = async (user: User, cartToken: string | undefined): Promise<AuthResponse> => {
    if (cartToken) await mergeGuestCart(sql, cartToken, user.id, config.CART_MAX_LINE_QUANTITY);
    const access_token = await issueToken(config, user);
    return { access_token, token_type: 'Bearer', expires_in: config.JWT_TTL_SECONDS, user };
  };

  app.openapi(registerRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await createUser(sql, email, await hashPassword(password, cost));
    if (!user) throw new DomainError('email-taken', 'an account with this email exists');
    return c.json(await session(user, c.req.valid('header')['x-cart-token']), 201);
  });

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const user = await findUserByEmail(sql, email);
    const ok = await verifyPassword(password, user?.password_hash ?? (await decoy));
    if (!user || !ok) throw unauthorized('invalid email or password');
    return c.json(await session({ id: user.id, email: user.email, role: user.role }, c.req.valid('header')['x-cart-token']), 200);
  });
}
