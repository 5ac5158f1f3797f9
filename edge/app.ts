import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ExecutionContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { coreUrls, parseEnv } from '../config/schema.ts';
import { cacheKeys } from '../openapi/internal/read-model.ts';
import { allowedMethods, methodNotAllowed } from '../openapi/allowed-methods.ts';
import { problem, sendProblem, validationHook } from '../openapi/problem.ts';
import { createCachedReader } from './cache/cached-read.ts';
import { sha256Hex, type Sha256 } from './cache/etag.ts';
import { createHotReads } from './cache/hot-reads.ts';
import { createCacheStore, createRedis } from './cache/store.ts';
import type { EdgeApp, EdgeEnv } from './context.ts';
import { fetchCores } from './core/failover-fetch.ts';
import { createForwarder, type CoreFetch } from './core/forward.ts';
import { accessLog } from './http/access-log.ts';
import { createBearerVerifier } from './http/auth.ts';
import { commonHeadersMiddleware, createCommonHeaders, requestIdFor } from './http/common-headers.ts';
import { parseCorsOrigins, type CorsOptions } from './http/cors.ts';
import { createHotFront, type RequestHeader } from './http/hot-front.ts';
import { createReadLimiter } from './http/read-limiter.ts';
import { createWriteLimiter } from './http/rate-limit.ts';
import { createLogger, type LogSink } from './log.ts';
import { registerForwarded } from './routes/forwarded.ts';
import { createLiveStock } from './product/live-stock.ts';
import { createCatalogReads } from './routes/catalog-reads.ts';
import { registerProducts } from './routes/products.ts';
import { registerSystem } from './routes/system.ts';
import { createEs } from './search/es.ts';
import { createCoreClient } from './storefront/core-client.ts';
import { registerStorefront, storefrontErrorPage } from './storefront/register.ts';
import { notFoundPage, PAGE_CSP, wantsHtml } from './storefront/respond.ts';

// The one edge, the same on Workers and on Node: settings come from the bindings (Worker vars or
// the Node config), never from the process environment.
export type EdgeOptions = {
  runtime: 'workerd' | 'node';
  /** The caller's address as the runtime knows it. */
  clientIp?: (c: Context<EdgeEnv>) => string;
  /** How to reach core: a Workers service binding, or plain fetch to CORE_URL. */
  fetchCore?: CoreFetch;
  /** Namespace of the rate-limit keys (tests use their own). */
  rateLimitPrefix?: string;
  /** How the hot front reads a request header (default: the Request's Headers). */
  requestHeader?: RequestHeader;
  /** Where log lines go (default console.log). */
  logSink?: LogSink;
  /** SHA-256 for ETags and cache keys (default Web Crypto's). */
  sha256?: Sha256;
  /** Scalar's standalone browser bundle for /docs (edge/docs/): without it there is no /docs. */
  docsBundle?: string;
};

export type EdgeFetch = (request: Request, runtimeEnv?: unknown, ctx?: ExecutionContext) => Response | Promise<Response>;

export type Edge = {
  /** What the runtime calls: the hot front, then the routed app. */
  fetch: EdgeFetch;
  /** `fetch` for a path on this edge, as Hono's app.request (tests). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The routed app alone, without the hot front (tests list its routes). */
  app: EdgeApp;
};

const CATALOG_VERSION_MEMO_MS = 1000;
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-Cache',
  'X-Cache-Level',
  'ETag',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-Cart-Token',
];

const headerIp = (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown';

export function createEdge(bindings: Record<string, unknown>, opts: EdgeOptions): Edge {
  const env = parseEnv(bindings);
  const log = createLogger(env.LOG_LEVEL, { service: 'edge' }, opts.logSink);
  // Two Redis databases: the response cache, and the write limits' counters apart from it so a
  // cache flush or eviction cannot reset them (each client auto-pipelines its own commands).
  const cacheRedis = createRedis(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
  const rateLimitRedis = createRedis(env.RATE_LIMIT_REDIS_REST_URL, env.RATE_LIMIT_REDIS_REST_TOKEN);
  const cache = createCacheStore(cacheRedis, {
    timeoutMs: env.EDGE_REDIS_TIMEOUT_MS,
    catalogVersionKey: cacheKeys.catalogVersion(env.SEARCH_INDEX_PREFIX),
    versionMemoMs: CATALOG_VERSION_MEMO_MS,
    log,
  });
  const cors: CorsOptions = { origins: parseCorsOrigins(env.EDGE_CORS_ORIGINS), exposeHeaders: EXPOSED_HEADERS, maxAgeSeconds: 600 };
  const common = createCommonHeaders(cors);
  const hot = createHotReads({ ttlMs: env.EDGE_L1_CACHE_TTL_MS, maxBytes: env.EDGE_L1_CACHE_MAX_BYTES });
  const sha256 = opts.sha256 ?? sha256Hex;

  const app = new OpenAPIHono<EdgeEnv>({
    defaultHook: validationHook({ nameTarget: false }),
  });
  app.use('*', commonHeadersMiddleware(common, cors));
  app.use('*', accessLog(log));
  const limitBody = bodyLimit({
    maxSize: env.EDGE_BODY_LIMIT_BYTES,
    onError: (c) => sendProblem(c, problem(413, 'payload-too-large', 'Request body too large', `bodies are limited to ${env.EDGE_BODY_LIMIT_BYTES} bytes`)),
  });
  // Reads carry no body; asking a Node request for one builds a full undici Request (~10% of a cached read).
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  registerSystem(app, opts.runtime, opts.docsBundle);
  const reads = createCatalogReads({
    es: createEs(env.ELASTICSEARCH_URL, env.EDGE_ES_TIMEOUT_MS),
    cache,
    indexPrefix: env.SEARCH_INDEX_PREFIX,
    searchTtlSeconds: env.EDGE_SEARCH_CACHE_TTL_SECONDS,
    productTtlSeconds: env.EDGE_PRODUCT_CACHE_TTL_SECONDS,
    sha256,
    liveStock: createLiveStock(cacheRedis, { indexPrefix: env.SEARCH_INDEX_PREFIX, timeoutMs: env.EDGE_REDIS_TIMEOUT_MS, log }),
  });
  const cachedReader = (fixedHeaders: Readonly<Record<string, string>>) =>
    createCachedReader({ cache, hot, fixedHeaders, sha256, log, coalesce: opts.runtime === 'node' });
  registerProducts(app, { reads, cachedRead: cachedReader(common.fixed) });
  const coreAt = {
    coreUrl: coreUrls(env)[0]!,
    timeoutMs: env.EDGE_CORE_TIMEOUT_MS,
    fetchCore: opts.fetchCore ?? fetchCores(coreUrls(env), log),
    serviceToken: env.CORE_SERVICE_TOKEN,
  };
  const verifyBearer = createBearerVerifier(env.JWT_PUBLIC_KEYS);
  const limitWrites = createWriteLimiter(rateLimitRedis, {
    ipPerMinute: env.EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE,
    userPerMinute: env.EDGE_RATE_LIMIT_USER_WRITES_PER_MINUTE,
    timeoutMs: env.EDGE_REDIS_TIMEOUT_MS,
    prefix: opts.rateLimitPrefix ?? env.EDGE_RATE_LIMIT_PREFIX,
    log,
  });
  const clientIp = opts.clientIp ?? headerIp;
  registerForwarded(app, { forward: createForwarder({ ...coreAt, log }), verifyBearer, limitWrites, clientIp });
  // The shop: pages at / and under /shop/, from the same reads, cache, core and limits as the API.
  registerStorefront(app, {
    reads,
    cachedRead: cachedReader({ ...common.fixedForPage, 'Content-Security-Policy': PAGE_CSP }),
    callCore: createCoreClient(coreAt),
    verifyBearer,
    limitWrites,
    clientIp,
  });

  // A browser (Accept: text/html) gets the shop's pages for these; API clients problem+json.
  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    if (allow.length) return methodNotAllowed(c, allow, c.req.method);
    return wantsHtml(c) ? notFoundPage(c) : sendProblem(c, problem(404, 'not-found', 'Not found', `no route for ${c.req.method} ${c.req.path}`));
  });
  app.onError((e, c) => {
    log.error('unhandled error', { request_id: c.get('requestId'), path: c.req.path, error: e.message });
    return wantsHtml(c) ? storefrontErrorPage(e, c) : sendProblem(c, problem(500, 'internal', 'Internal error', `quote request id ${c.get('requestId')}`));
  });

  // A GET of a URL among the hot reads is answered in front of the router (about half of a cached
  // read's CPU on Node); everything else, and everything when the in-process level is off, is routed.
  const front = hot ? createHotFront(hot, common, log, opts.requestHeader) : () => undefined;
  // Reads are limited per address before the front, so a cached read pays for the count alone (read-limiter.ts).
  const limitReads = createReadLimiter(rateLimitRedis, {
    perMinute: env.EDGE_RATE_LIMIT_IP_READS_PER_MINUTE,
    prefix: opts.rateLimitPrefix ?? env.EDGE_RATE_LIMIT_PREFIX,
    log,
  });
  const requestIp = (request: Request, runtimeEnv: unknown) =>
    (opts.clientIp ? (runtimeEnv as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress : undefined) ??
    request.headers.get('cf-connecting-ip') ??
    'unknown';
  const refuseRead = (request: Request, runtimeEnv: unknown, ctx: ExecutionContext | undefined): Response | undefined => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const refused = limitReads(requestIp(request, runtimeEnv), (p) => (ctx ? ctx.waitUntil(p) : void p));
    if (!refused) return undefined;
    const headers = common.addRequest(
      { ...common.fixed, ...Object.fromEntries(refused.headers) },
      requestIdFor(request.headers.get('x-request-id')),
      request.headers.get('origin') ?? undefined,
    );
    return new Response(refused.body, { status: 429, headers });
  };
  const edgeFetch: EdgeFetch = (request, runtimeEnv, ctx) =>
    refuseRead(request, runtimeEnv, ctx) ?? front(request, runtimeEnv) ?? app.fetch(request, runtimeEnv, ctx);
  return {
    fetch: edgeFetch,
    request: async (path, init) => edgeFetch(new Request(new URL(path, 'http://localhost'), init)),
    app,
  };
}
