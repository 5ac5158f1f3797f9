import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';

// The Hono environment every edge module shares.
export type EdgeEnv = { Variables: RequestIdVariables & { userId: string | null } };
export type EdgeApp = OpenAPIHono<EdgeEnv>;
