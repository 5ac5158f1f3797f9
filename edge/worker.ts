import type { ExecutionContext } from 'hono';
import { createEdge, type Edge } from './app.ts';
import { docsBundle } from './docs/workers-bundle.ts';
import { createWorkerGuard } from './worker-refusal.ts';

// The Cloudflare Workers module. Settings are the Worker's vars (wrangler.toml / --var);
// a `CORE` service binding, when configured, replaces fetch to CORE_URL.
type Bindings = Record<string, unknown> & { CORE?: { fetch(r: Request): Promise<Response> } };

let edge: Edge | undefined;
const refuse = createWorkerGuard();

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> {
    const refused = refuse(env);
    if (refused) return refused;
    const core = env.CORE;
    edge ??= createEdge(env, { runtime: 'workerd', fetchCore: core ? (r) => core.fetch(r) : undefined, docsBundle });
    return edge.fetch(request, env, ctx);
  },
};
