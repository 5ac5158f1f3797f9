import { type PostmanCollection, type PostmanItem, type PostmanRequest, type ScriptEvent, script } from './format.ts';

// Turns the converter's collection into the one integrators import: requests only (response
// shapes live in openapi.json and /docs, and faked example replies would only add noise), no
// random ids, the bearer token from `{{token}}` on every secured operation, a fresh
// `{{idempotencyKey}}` for every request that carries an Idempotency-Key, and the sign-in
// steps storing the token they receive.
type Operation = { security?: Record<string, string[]>[] };
export type OpenApiDocument = { info: { title: string }; servers?: { url: string }[]; paths: Record<string, Record<string, Operation>> };

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const SIGN_IN_PATHS = ['/auth/login', '/auth/register'];

export const bearerAuth = { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] };

/** A fresh key per request that declares the header, so a money step is never replayed by accident. */
export const freshIdempotencyKey: ScriptEvent = script('prerequest', [
  `if (pm.request.headers.has('${IDEMPOTENCY_HEADER}')) pm.variables.set('idempotencyKey', pm.variables.replaceIn('{{$guid}}'));`,
]);

export const storeToken: ScriptEvent = script('test', [
  'if (pm.response.code < 300 && pm.response.json().access_token) pm.environment.set("token", pm.response.json().access_token);',
]);

/** `/products/:product_id` as the document spells it: `/products/{product_id}`. */
export function templateOf(request: PostmanRequest): string {
  return `/${request.url.path.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}`;
}

export function requestsOf(items: PostmanItem[]): PostmanItem[] {
  return items.flatMap((i) => (i.item ? requestsOf(i.item) : i.request ? [i] : []));
}

function isPublic(spec: OpenApiDocument, request: PostmanRequest): boolean {
  const security = spec.paths[templateOf(request)]?.[request.method.toLowerCase()]?.security;
  return !security?.some((s) => Object.keys(s).length > 0);
}

function shapeRequest(spec: OpenApiDocument, item: PostmanItem): PostmanItem {
  const request = item.request!;
  const { auth: _inherited, ...rest } = request;
  const header = request.header.map((h) => (h.key.toLowerCase() === IDEMPOTENCY_HEADER ? { ...h, value: '{{idempotencyKey}}' } : h));
  const signIn = request.method === 'POST' && SIGN_IN_PATHS.includes(templateOf(request));
  return {
    name: item.name,
    ...(item.description === undefined ? {} : { description: item.description }),
    request: { ...rest, header, ...(isPublic(spec, request) ? { auth: { type: 'noauth' } } : {}) },
    response: [],
    ...(signIn ? { event: [storeToken] } : {}),
  };
}

function shapeItems(spec: OpenApiDocument, items: PostmanItem[]): PostmanItem[] {
  return items.map((i) =>
    i.item ? { name: i.name, ...(i.description === undefined ? {} : { description: i.description }), item: shapeItems(spec, i.item) } : shapeRequest(spec, i),
  );
}

/** Drops the converter's random ids (`id`, `_postman_id`) wherever they sit. */
export function withoutIds<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'id' || k === '_postman_id' ? undefined : v)));
}

export function shapeCollection(spec: OpenApiDocument, converted: PostmanCollection): PostmanCollection {
  const clean = withoutIds(converted);
  return {
    ...clean,
    item: shapeItems(spec, clean.item),
    auth: bearerAuth,
    event: [freshIdempotencyKey],
    variable: [{ key: 'baseUrl', value: baseUrlOf(spec) }],
  };
}

export const baseUrlOf = (spec: OpenApiDocument): string => spec.servers?.[0]?.url ?? 'http://127.0.0.1:8787';

/** The local environment: where the edge listens, and the two values the scripts fill in. */
export function localEnvironment(spec: OpenApiDocument) {
  const value = (key: string, v: string, type: 'default' | 'secret' = 'default') => ({ key, value: v, type, enabled: true });
  return {
    name: `${spec.info.title} (local)`,
    values: [value('baseUrl', baseUrlOf(spec)), value('token', '', 'secret'), value('idempotencyKey', '')],
    _postman_variable_scope: 'environment',
  };
}
