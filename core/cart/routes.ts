import type { OpenAPIHono } from '@hono/zod-openapi';
import { addProductsRoute, deleteCartItemRoute, getCartRoute, updateCartItemRoute } from '../../openapi/routes/cart.ts';
import type { Cart } from '../../openapi/schemas/cart.ts';
import { optionalClaims } from '../auth/session.ts';
import type { CoreDeps } from '../deps.ts';
import { unauthorized } from '../errors/domain-error.ts';
import { addLines, newGuestToken, openCart, readCart, removeLine, setLineQuantity, type CartOwner } from './cart-store.ts';

type Headers = { authorization: string | undefined; 'x-cart-token'?: string | undefined };

export function registerCartRoutes(app: OpenAPIHono, deps: CoreDeps): void {
  const { sql, config } = deps;

  // A signed-in caller uses their own cart (a guest token is merged at login, not here).
  const resolve = async (h: Headers, createGuest: boolean): Promise<{ cartId: string; guestToken?: string }> => {
    const claims = await optionalClaims(config, h.authorization);
    if (claims) return { cartId: await openCart(sql, { userId: claims.sub }) };
    const guestToken = h['x-cart-token'] ?? (createGuest ? newGuestToken() : undefined);
    if (!guestToken) throw unauthorized('a bearer token or an X-Cart-Token is required');
    const owner: CartOwner = { guestToken };
    return { cartId: await openCart(sql, owner, createGuest && !h['x-cart-token']), guestToken };
  };
  const view = async (cartId: string, guestToken?: string): Promise<Cart> => ({
    ...(await readCart(sql, cartId)),
    ...(guestToken ? { cart_token: guestToken } : {}),
  });

  app.openapi(getCartRoute, async (c) => {
    const { cartId, guestToken } = await resolve({ ...c.req.valid('header'), authorization: c.req.header('authorization') }, false);
    return c.json(await view(cartId, guestToken), 200);
  });

  app.openapi(addProductsRoute, async (c) => {
    const { cartId, guestToken } = await resolve({ ...c.req.valid('header'), authorization: c.req.header('authorization') }, true);
    await addLines(sql, cartId, c.req.valid('json').items, config.CART_MAX_LINE_QUANTITY);
    if (guestToken) c.header('X-Cart-Token', guestToken);
    return c.json(await view(cartId, guestToken), 200);
  });

  app.openapi(updateCartItemRoute, async (c) => {
    const { cartId, guestToken } = await resolve({ ...c.req.valid('header'), authorization: c.req.header('authorization') }, false);
    await setLineQuantity(sql, cartId, c.req.valid('param').product_id, c.req.valid('json').quantity, config.CART_MAX_LINE_QUANTITY);
    return c.json(await view(cartId, guestToken), 200);
  });

  app.openapi(deleteCartItemRoute, async (c) => {
    const { cartId, guestToken } = await resolve({ ...c.req.valid('header'), authorization: c.req.header('authorization') }, false);
    await removeLine(sql, cartId, c.req.valid('param').product_id);
    return c.json(await view(cartId, guestToken), 200);
  });
}
