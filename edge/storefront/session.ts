import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthResponse, JwtClaims } from '../../openapi/schemas/auth.ts';
import type { createBearerVerifier } from '../http/auth.ts';

// The shopper's cookies: the session (core's JWT), its form token (double-submit CSRF), and a
// guest's cart token. All HttpOnly, Secure (Chromium keeps Secure cookies on http://localhost and
// 127.0.0.1), SameSite=Lax and for the whole site.
export const COOKIE = { session: 'sid', csrf: 'csrf', cart: 'cart' } as const;
const ATTRIBUTES = { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' } as const;
const GUEST_CART_DAYS = 30;

export type Shopper = { token: string; claims: JwtClaims; csrf: string };

export const hasSessionCookie = (c: Context): boolean => getCookie(c, COOKIE.session) !== undefined;

/** The signed-in shopper, or null: no session cookie, or one whose token no longer verifies. */
export async function readShopper(c: Context, verifyBearer: ReturnType<typeof createBearerVerifier>): Promise<Shopper | null> {
  const token = getCookie(c, COOKIE.session);
  if (!token) return null;
  const check = await verifyBearer(`Bearer ${token}`);
  if (check.kind !== 'valid') return null;
  return { token, claims: check.claims, csrf: getCookie(c, COOKIE.csrf) ?? '' };
}

export const guestCartToken = (c: Context): string | undefined => getCookie(c, COOKIE.cart);

export function keepGuestCart(c: Context, token: string): void {
  setCookie(c, COOKIE.cart, token, { ...ATTRIBUTES, maxAge: GUEST_CART_DAYS * 86_400 });
}

/** After sign-in or registration: the session and a fresh form token; the guest cart is now merged. */
export function startSession(c: Context, auth: AuthResponse): void {
  setCookie(c, COOKIE.session, auth.access_token, { ...ATTRIBUTES, maxAge: auth.expires_in });
  setCookie(c, COOKIE.csrf, crypto.randomUUID(), { ...ATTRIBUTES, maxAge: auth.expires_in });
  deleteCookie(c, COOKIE.cart, ATTRIBUTES);
}

export function endSession(c: Context): void {
  deleteCookie(c, COOKIE.session, ATTRIBUTES);
  deleteCookie(c, COOKIE.csrf, ATTRIBUTES);
}
