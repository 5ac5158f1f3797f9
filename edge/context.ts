import type { OpenAPIHono } from '@hono/zod-openapi';

// The Hono environment every edge module shares.
export type EdgeEnv = {
  Variables: {
    /** Set by the common-headers middleware before any handler runs. */
    requestId: string;
    /** Set by the forwarded routes once the bearer token is verified, for the access log. */
    userId: string | null;
  };
};
export type EdgeApp = OpenAPIHono<EdgeEnv>;
