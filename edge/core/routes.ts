import type { RouteConfig } from '@hono/zod-openapi';

// What the edge reads from core's route definitions (openapi/routes/public.ts) to forward them.

/** OpenAPI `{param}` → Hono `:param`. */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

/** True when every security alternative of the route needs a credential (no anonymous `{}`). */
export const requiresBearer = (route: RouteConfig) => (route.security?.length ?? 0) > 0 && route.security!.every((s) => Object.keys(s).length > 0);
