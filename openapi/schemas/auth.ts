import { z } from '@hono/zod-openapi';

// Users and the JWT both core (which signs) and edge (which verifies) agree on.
export const JWT_ISSUER = 'commerce-core';
/** customer shops; catalog runs products, prices and stock; support runs orders and refunds; admin does everything. */
export const RoleSchema = z.enum(['customer', 'catalog', 'support', 'admin']).openapi('Role');
/** The roles that may use operator routes (under /admin). */
export const OperatorRoleSchema = RoleSchema.exclude(['customer']);

/** Tokens are signed with Ed25519 only; a verifier refuses every other algorithm. */
export const JWT_ALGORITHM = 'EdDSA';

export const PublicJwkSchema = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    kid: z.string().min(1).max(128),
    alg: z.literal(JWT_ALGORITHM).optional(),
    use: z.literal('sig').optional(),
  })
  .openapi('Jwk');
/** The public keys tokens are verified with; during a rotation the old and the new key are both listed. */
export const JwksSchema = z.object({ keys: z.array(PublicJwkSchema) }).openapi('Jwks');

export const JwtClaimsSchema = z.object({
  sub: z.uuid(),
  role: RoleSchema,
  iss: z.literal(JWT_ISSUER),
  iat: z.number().int(),
  exp: z.number().int(),
});

// zod's own email check as a plain pattern: the document states exactly what the server takes (a
// `format: email` checker accepts addresses this pattern refuses, and refuses some it takes).
const EmailSchema = z.string().max(254).regex(z.regexes.email, 'Invalid email address').openapi({ example: 'asha@example.com' });
const PasswordSchema = z.string().min(8).max(128).openapi({ example: 'correct horse battery' });

export const RegisterBodySchema = z.strictObject({ email: EmailSchema, password: PasswordSchema }).openapi('RegisterRequest');
export const LoginBodySchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(128) }).openapi('LoginRequest');

export const UserSchema = z.object({ id: z.uuid(), email: z.string(), role: RoleSchema }).openapi('User');
export const AuthResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ description: 'Seconds until the token expires' }),
    user: UserSchema,
  })
  .openapi('AuthResponse');

/**
 * The bearer token is declared by each route's security requirement (bearerAuth), not as a header
 * parameter: one declaration, and a fuzzer does not replace the credential it was given with
 * generated values. Handlers read the Authorization header and answer 401 themselves.
 */
export const AuthHeadersSchema = z.object({});
/** Guest carts are addressed by this header; login merges the guest cart into the user's. */
export const CartTokenHeadersSchema = AuthHeadersSchema.extend({
  'x-cart-token': z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .openapi({ description: 'Guest cart token' }),
});

export type JwtClaims = z.infer<typeof JwtClaimsSchema>;
export type Jwks = z.infer<typeof JwksSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type OperatorRole = z.infer<typeof OperatorRoleSchema>;
export type AuthResponse = z.infer<typeof AuthResponseSchema>;
