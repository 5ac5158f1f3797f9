import type { OpenAPIHono } from '@hono/zod-openapi';

// The Hono environment every edge module shares.
export type EdgeEnv = {
  Variables: {
    requestId: string;
    userId: string | null;
    /** Set by the common-headers middleware; see edge/http/common-headers.ts. */
    commonHeaders: Record<string, string>;
    commonHeadersSent: boolean;
    /** HIT or MISS on cached reads, for the access log. */
    cacheStatus: string | undefined;
  };
};
export type EdgeApp = OpenAPIHono<EdgeEnv>;
