import { bearerAuth, freshIdempotencyKey, requestsOf, templateOf } from './collection.ts';
import { type PostmanCollection, type PostmanItem, script } from './format.ts';

// Journeys are ordered folders of the generated collection's own requests (found by method and
// path), each given its inputs and a test script that asserts the status and stores the ids
// and tokens later steps use. A step naming a route the document lacks fails the generation.
export type JourneyStep = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Query parameters to send (all others stay disabled). */
  query?: Record<string, string>;
  /** Path variables, e.g. `{ order_id: '{{orderId}}' }`. */
  params?: Record<string, string>;
  body?: unknown;
  status: number;
  /** Environment variable ← dotted path into the JSON reply. */
  save?: Record<string, string>;
  /** Chai assertions over `json` (the reply) and `pm`. */
  checks?: string[];
  /** Pre-request script lines. */
  before?: string[];
};
export type Journey = { name: string; description: string; steps: JourneyStep[] };

const lookup = (path: string) =>
  `json${path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `[${JSON.stringify(p)}]`))
    .join('')}`;

export function testScript(step: JourneyStep): string[] {
  const lines = [`pm.test(${JSON.stringify(`${step.name}: ${step.status}`)}, function () { pm.response.to.have.status(${step.status}); });`];
  const save = Object.entries(step.save ?? {});
  if (save.length === 0 && !step.checks?.length) return lines;
  lines.push('const json = pm.response.json();');
  // a failed step stores nothing, so the next step fails on its own status rather than on a stale id
  if (save.length)
    lines.push(
      `if (pm.response.code === ${step.status}) {`,
      ...save.map(([variable, path]) => `  pm.environment.set(${JSON.stringify(variable)}, ${lookup(path)});`),
      '}',
    );
  if (step.checks?.length) lines.push(`pm.test(${JSON.stringify(`${step.name}: reply`)}, function () {`, ...step.checks.map((c) => `  ${c};`), '});');
  return lines;
}

function findRequest(collection: PostmanCollection, step: JourneyStep): PostmanItem {
  const found = requestsOf(collection.item).find((i) => i.request!.method === step.method && templateOf(i.request!) === step.path);
  if (!found) throw new Error(`journey step "${step.name}": ${step.method} ${step.path} is not in the OpenAPI document`);
  return found;
}

export function journeyStep(collection: PostmanCollection, step: JourneyStep): PostmanItem {
  const base = findRequest(collection, step).request!;
  const query = Object.keys(step.query ?? {});
  const unknown = query.filter((k) => !base.url.query.some((q) => q.key === k));
  const params = Object.keys(step.params ?? {});
  const unknownParams = params.filter((k) => !base.url.variable.some((v) => v.key === k));
  if (unknown.length || unknownParams.length)
    throw new Error(`journey step "${step.name}": ${step.method} ${step.path} has no parameter ${[...unknown, ...unknownParams].join(', ')}`);
  const request = {
    ...base,
    url: {
      ...base.url,
      query: base.url.query.map((q) => (q.key in (step.query ?? {}) ? { ...q, value: step.query![q.key], disabled: false } : { ...q, disabled: true })),
      variable: base.url.variable.map((v) => (v.key in (step.params ?? {}) ? { ...v, value: step.params![v.key] } : v)),
    },
    ...(step.body === undefined ? {} : { body: { ...base.body, mode: 'raw', raw: JSON.stringify(step.body, null, 2) } }),
  };
  return {
    name: step.name,
    request,
    response: [],
    event: [...(step.before ? [script('prerequest', step.before)] : []), script('test', testScript(step))],
  };
}

export function journeysCollection(collection: PostmanCollection, journeys: Journey[], variables: { key: string; value: string }[]): PostmanCollection {
  return {
    info: {
      ...collection.info,
      name: `${collection.info.name}: journeys`,
      description: 'A shopper and an operator through the API, step by step (run in order).',
    },
    item: journeys.map((j) => ({ name: j.name, description: j.description, item: j.steps.map((s) => journeyStep(collection, s)) })),
    auth: bearerAuth,
    event: [freshIdempotencyKey],
    variable: [...collection.variable, ...variables],
  };
}
