import type { ExecutionContext } from 'hono';
import { unsafeStartMessage } from '../config/production-guards.ts';
import { parseEnv } from '../config/schema.ts';
import { PROBLEM_CONTENT_TYPE, problem } from '../openapi/problem.ts';
import { createEdge, type Edge } from './app.ts';
import { docsBundle } from './docs/workers-bundle.ts';
import { EDGE_SECRETS } from './secrets.ts';

// The Cloudflare Workers module. Settings are the Worker's vars (wrangler.toml / --var);
// a `CORE` service binding, when configured, replaces fetch to CORE_URL.
type Bindings = Record<string, unknown> & { CORE?: { fetch(r: Request): Promise<Response> } };

let edge: Edge | undefined;
// A Worker has no start to refuse: in production with an unsafe secret it answers every request
// with 500 "misconfigured" naming the setting (and logs it), and never serves with that secret.
let refusal: string | null | undefined;

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> {
    if (refusal === undefined) {
      refusal = unsafeStartMessage(parseEnv(env), EDGE_SECRETS);
      if (refusal) console.error(JSON.stringify({ level: 'error', service: 'edge', msg: refusal }));
    }
    if (refusal) {
      return new Response(JSON.stringify(problem(500, 'misconfigured', 'Misconfigured', refusal)), {
        status: 500,
        headers: { 'content-type': PROBLEM_CONTENT_TYPE },
      });
    }
    const core = env.CORE;
    edge ??= createEdge(env, { runtime: 'workerd', fetchCore: core ? (r) => core.fetch(r) : undefined, docsBundle });
    return edge.fetch(request, env, ctx);
  },
};
