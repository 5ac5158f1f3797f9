import { unsafeStartMessage } from '../config/production-guards.ts';
import { parseEnv } from '../config/schema.ts';
import { PROBLEM_CONTENT_TYPE, problem } from '../openapi/problem.ts';
import { EDGE_SECRETS } from './secrets.ts';

// A Worker has no start to refuse: in production with an unsafe secret it answers every request
// with 500 "misconfigured" naming the setting (and logs it), and never serves with that secret.
// Apart from edge/worker.ts so it can be tested without the Worker's text-imported docs bundle.
export function createWorkerGuard(): (env: Record<string, unknown>) => Response | null {
  let refusal: string | null | undefined;
  return (env) => {
    if (refusal === undefined) {
      refusal = unsafeStartMessage(parseEnv(env), EDGE_SECRETS);
      if (refusal) console.error(JSON.stringify({ level: 'error', service: 'edge', msg: refusal }));
    }
    if (!refusal) return null;
    return new Response(JSON.stringify(problem(500, 'misconfigured', 'Misconfigured', refusal)), {
      status: 500,
      headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    });
  };
}
