import { createRoute } from '@hono/zod-openapi';
import { AuthResponseSchema, CartTokenHeadersSchema, JwksSchema, LoginBodySchema, RegisterBodySchema } from '../schemas/auth.ts';
import { json, jsonBody, problemResponses, serviceProblems } from './problems.ts';

export const registerRoute = createRoute({
  method: 'post',
  path: '/auth/register',
  tags: ['auth'],
  summary: 'Create a customer account',
  request: { headers: CartTokenHeadersSchema, body: jsonBody(RegisterBodySchema) },
  responses: { 201: json(AuthResponseSchema, 'Account created'), ...problemResponses(400, 409, 413), ...serviceProblems },
});

export const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Exchange email and password for a JWT; merges the guest cart named by X-Cart-Token',
  request: { headers: CartTokenHeadersSchema, body: jsonBody(LoginBodySchema) },
  responses: { 200: json(AuthResponseSchema, 'Logged in'), ...problemResponses(400, 401, 413), ...serviceProblems },
});

export const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  tags: ['auth'],
  summary: 'The public keys (JWKS) tokens are signed with, by kid',
  responses: { 200: json(JwksSchema, 'JSON Web Key Set'), ...serviceProblems },
});
