import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { allowedMethods, methodNotAllowed } from '../openapi/allowed-methods.ts';
import { problem, sendProblem, validationHook } from '../openapi/problem.ts';
import { bearerAuthScheme } from '../openapi/routes/problems.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerCartRoutes } from './cart/routes.ts';
import { registerCatalogRoutes } from './catalog/routes.ts';
import { registerCheckoutRoutes } from './checkout/routes.ts';
import type { CoreDeps } from './deps.ts';
import { errorHandler } from './http/error-handler.ts';
import { registerMetricsRoute } from './http/metrics.ts';
import { serviceAuth } from './http/service-auth.ts';
import { registerOperatorRoutes } from './operators/routes.ts';
import { registerAdminOrderRoutes } from './orders/admin-routes.ts';
import { registerOrderRoutes } from './orders/routes.ts';
import { registerPaymentRoutes } from './payment/routes.ts';
import { registerReviewRoutes } from './reviews/routes.ts';
import { registerWebhookRoutes } from './webhooks/routes.ts';

// core's HTTP app. The edge forwards writes and per-user reads here.
export const BODY_LIMIT_BYTES = 64 * 1024;

export function createCoreApp(deps: CoreDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook({ nameTarget: true }) });
  app.onError(errorHandler(deps.log));
  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    return allow.length ? methodNotAllowed(c, allow, c.req.method) : sendProblem(c, problem(404, 'not-found', 'Not found', 'no such route'));
  });
  app.use(serviceAuth(deps.config));
  // The oversized body is left unread, so the connection cannot be reused: say so.
  const tooLarge = problem(413, 'payload-too-large', 'Payload too large', `request bodies are limited to ${BODY_LIMIT_BYTES} bytes`);
  app.use(bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => sendProblem(c, tooLarge, { connection: 'close' }) }));

  app.get('/health', async (c) => {
    try {
      await Promise.race([deps.sql`select 1`, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return Response.json({ status: 'ok' });
    } catch {
      return sendProblem(c, problem(503, 'unavailable', 'Service unavailable', 'database unreachable'));
    }
  });

  registerMetricsRoute(app);
  registerAuthRoutes(app, deps);
  registerCartRoutes(app, deps);
  registerCheckoutRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerAdminOrderRoutes(app, deps);
  registerOperatorRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerCatalogRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', bearerAuthScheme);
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'commerce core', version: '0.1.0' } });
  return app;
}
