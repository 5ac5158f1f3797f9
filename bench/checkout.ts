import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { config, repoRoot } from '../config/index.ts';
import { issueToken } from '../core/auth/tokens.ts';
import { addLines, openCart } from '../core/cart/cart-store.ts';
import { checkoutRules, placeOrder } from '../core/checkout/place-order.ts';
import { connect } from '../core/db/connect.ts';
import { migrate } from '../core/db/migrate.ts';
import type { Sql } from '../core/db/types.ts';
import { idempotencyOptions, runIdempotent } from '../core/idempotency/run-idempotent.ts';
import { payOrder } from '../core/payment/pay.ts';
import { sandboxProvider } from '../core/payment/providers/sandbox.ts';
import { startEntry, startWorkerdEdge } from './processes.ts';
import { startCdcWorkers } from './cdc-workers.ts';
import { formatCpu, stackRoots, watchCpu } from './cpu.ts';
import { assertBenchSettings } from './isolation.ts';
import { writeBenchResult } from './results.ts';

// `npm run bench:checkout`: paid orders per second (add to cart → checkout → pay) with 64
// concurrent clients, as deployed: core in its own process with the relay and indexer running
// (bench/cdc-workers.ts); then the same load through the edge (on Node and under workerd) to that
// core, with the CDC workers paused (SIGSTOP), and through the same domain steps called directly
// with postgres.js in this process (the ceiling: the same transactions and idempotency records,
// without HTTP or CDC). Each figure comes with the CPU each part took per paid order (cpu.ts).
// Stock is ample and spread over many products, so the figure is the cost of the steps, not of
// one hot row.
const CLIENTS = 64;
const CDC_PARTS = ['relay', 'indexer', 'kafka', 'elasticsearch', 'upstash', 'redis'];
const PRODUCTS = 256;
const WARMUP_MS = 2_000;
const MEASURE_MS = 10_000;
const ADDRESS = { name: 'Bench Buyer', line1: '1 Load Street', city: 'Pune', state: 'Maharashtra', postal_code: '411001', country: 'IN' as const };

type Client = { id: string; token: string };
type Step = (client: Client, productId: string) => Promise<boolean>;

async function setup(sql: Sql): Promise<{ clients: Client[]; products: string[] }> {
  await migrate(sql);
  const run = randomUUID().slice(0, 8);
  const products = Array.from({ length: PRODUCTS }, (_, i) => `bench-${run}-${i}`);
  await sql`insert into products ${sql(products.map((id) => ({ id, pid: id, title: `Bench product ${id}`, price_amount: 19_900, mrp_amount: 24_900 })))}`;
  await sql`insert into inventory ${sql(products.map((product_id) => ({ product_id, on_hand: 1_000_000 })))}`;
  const users = await sql<{ id: string }[]>`
    insert into users ${sql(Array.from({ length: CLIENTS * 2 }, (_, i) => ({ email: `bench-${run}-${i}@example.com`, password_hash: 'scrypt$1024$8$1$x$x' })))} returning id`;
  const clients = await Promise.all(users.map(async (u) => ({ id: u.id, token: await issueToken(config, { id: u.id, role: 'customer' }) })));
  return { clients, products };
}

type Measured = { perSecond: number; failures: number; cpu: Record<string, number> };

/** CPU milliseconds the named parts took together per paid order (cpu is in percent of a core). */
const msPerOrder = (r: Measured, parts: string[]) => (parts.reduce((s, p) => s + (r.cpu[p] ?? 0), 0) * 10) / r.perSecond;

/** Runs `step` in CLIENTS loops; counts successes (and the CPU of `parts`) during the measured window only. */
async function measure(clients: Client[], products: string[], step: Step, parts: Record<string, readonly number[]> = {}): Promise<Measured> {
  let measuring = false;
  let done = 0;
  let failures = 0;
  let stop = false;
  const loops = clients.map(async (client) => {
    while (!stop) {
      const ok = await step(client, products[Math.floor(Math.random() * products.length)]!);
      if (!measuring) continue;
      if (ok) done++;
      else failures++;
    }
  });
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const started = performance.now();
  const cpu = watchCpu({ ...stackRoots(), ...parts, 'bench (load)': [process.pid] });
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  measuring = false;
  const percentOfACore = cpu.stop();
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  return { perSecond: done / seconds, failures, cpu: percentOfACore };
}

function directStep(sql: Sql): Step {
  const provider = sandboxProvider();
  const opts = idempotencyOptions(config);
  return async (client, productId) => {
    const items = [{ product_id: productId, quantity: 1 }];
    await addLines(sql, await openCart(sql, { userId: client.id }), items, config.CART_MAX_LINE_QUANTITY);
    const checkoutBody = { shipping_address: ADDRESS };
    const order = await runIdempotent(
      sql,
      { userId: client.id, route: 'POST /checkout', key: randomUUID(), body: checkoutBody },
      { ...opts, okStatus: 201 },
      { commit: (tx) => placeOrder(tx, client.id, ADDRESS, checkoutRules(config)) },
    );
    if (!order.ok) return false;
    const payBody = { order_id: order.body.order_id, payment_method: 'tok_success' };
    const paid = await runIdempotent(
      sql,
      { userId: client.id, route: 'POST /payment', key: randomUUID(), body: payBody },
      { ...opts, okStatus: 200 },
      payOrder(sql, provider, client.id, payBody),
    );
    return paid.ok;
  };
}

// wrangler dev answers a request its Worker restarted under (it reloads on a source change) in plain text: a failed step
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text || 'null');
  } catch {
    return null;
  }
};

function httpStep(port: number): Step {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const call = (method: string, path: string, token: string, body: unknown, extra: Record<string, string> = {}) =>
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few known fields of core's JSON replies
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...extra },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return async (client, productId) => {
    const add = await call('POST', '/cart/add_products', client.token, { items: [{ product_id: productId, quantity: 1 }] });
    if (add.status !== 200) return false;
    const order = await call('POST', '/checkout', client.token, { shipping_address: ADDRESS }, { 'idempotency-key': randomUUID() });
    if (order.status !== 201) return false;
    const paid = await call(
      'POST',
      '/payment',
      client.token,
      { order_id: order.body.order_id, payment_method: 'tok_success' },
      { 'idempotency-key': randomUUID() },
    );
    return paid.status === 200;
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function startCoreProcess(port: number) {
  const child = spawn(process.execPath, [join(repoRoot, 'core/main.ts'), '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('core did not become healthy');
}

assertBenchSettings(config);
const sql = connect(config);
const stopAll: Array<() => Promise<void>> = [];
const stopEverything = async () => {
  for (const stop of stopAll.splice(0).reverse()) await stop().catch(() => undefined);
};
try {
  // As deployed: relay and indexer running before the bench's products exist, so their stock is
  // projected and every reservation and capture flows through CDC while the load runs.
  const cdc = await startCdcWorkers('ckbench');
  stopAll.push(() => cdc.stop());
  const { clients, products } = await setup(sql);
  const [httpClients, directClients] = [clients.slice(0, CLIENTS), clients.slice(CLIENTS)];

  const port = await freePort();
  const core = await startCoreProcess(port);
  stopAll.push(async () => {
    core.kill('SIGTERM');
    await new Promise((r) => core.once('exit', r));
  });
  const cdcParts = { relay: [cdc.pids.relay], indexer: [cdc.pids.indexer] };
  // Discarded: core has just started, and its first seconds (compiling its hot paths, opening its
  // pool) made the first case, CDC on, the slowest in every run, whichever case came first.
  await measure(httpClients, products, httpStep(port));
  const viaHttp = await measure(httpClients, products, httpStep(port), { core: [core.pid!], ...cdcParts });

  // The same load through the edge (its own process on Node, and the Worker under workerd), which
  // verifies the JWT, checks the write limits and forwards to this core.
  const edgeSettings = {
    CORE_URL: `http://127.0.0.1:${port}`,
    SEARCH_INDEX_PREFIX: cdc.indexPrefix,
    // 64 buyers from one address: the limits must not be what is measured
    EDGE_RATE_LIMIT_IP_WRITES_PER_MINUTE: '1000000000',
    EDGE_RATE_LIMIT_USER_WRITES_PER_MINUTE: '1000000000',
  };
  const edgePort = await freePort();
  const nodeEdge = await startEntry(
    'edge-node',
    'edge/node.ts',
    { ...edgeSettings, EDGE_URL: `http://127.0.0.1:${edgePort}` },
    `http://127.0.0.1:${edgePort}/health`,
  );
  stopAll.push(() => nodeEdge.stop());
  const viaNodeEdge = await measure(httpClients, products, httpStep(edgePort), { edge: [nodeEdge.pid], core: [core.pid!], ...cdcParts });
  await nodeEdge.stop();
  const workerPort = await freePort();
  const workerEdge = await startWorkerdEdge('edge-workerd', edgeSettings, workerPort);
  stopAll.push(() => workerEdge.stop());
  const viaWorkerEdge = await measure(httpClients, products, httpStep(workerPort), { edge: [workerEdge.pid], core: [core.pid!], ...cdcParts });
  await workerEdge.stop();
  // Paused last: what the relay and indexer would have done waits in the slot and in Kafka, and
  // nothing measured after this pays for catching up.
  cdc.pause();
  const cdcPaused = await measure(httpClients, products, httpStep(port), { core: [core.pid!] });
  await stopEverything();

  const ceiling = await measure(directClients, products, directStep(sql));
  const ratio = viaHttp.perSecond / ceiling.perSecond;
  const line = (name: string, r: Measured) =>
    `${name.padEnd(44)} ${r.perSecond.toFixed(1).padStart(8)} paid orders/s   (${r.failures} failed)\n${''.padEnd(6)}CPU, % of a core (per paid order/s): ${formatCpu(r.cpu, r.perSecond, 'order')}`;
  console.log(`checkout + payment, ${CLIENTS} concurrent clients, ${MEASURE_MS / 1000}s each after ${WARMUP_MS / 1000}s warm-up`);
  console.log('running: core (its own process), relay + indexer (their own processes, CDC on unless said), edges as named');
  console.log(line('core HTTP API, CDC on', viaHttp));
  console.log(line('core HTTP API, CDC workers paused (SIGSTOP)', cdcPaused));
  console.log(line('edge on Node -> core, CDC on', viaNodeEdge));
  console.log(line('edge under workerd -> core, CDC on', viaWorkerEdge));
  console.log(line('direct postgres.js, no CDC (ceiling)', ceiling));
  console.log(`ratio CDC on / CDC paused                    ${(viaHttp.perSecond / cdcPaused.perSecond).toFixed(2)}   (goal >= 0.8; >= 300/s with CDC on)`);
  console.log(`ratio edge on Node / core                    ${(viaNodeEdge.perSecond / viaHttp.perSecond).toFixed(2)}   (goal >= 0.8)`);
  console.log(`ratio edge under workerd / core              ${(viaWorkerEdge.perSecond / viaHttp.perSecond).toFixed(2)}   (goal >= 0.8)`);
  console.log(`ratio HTTP / ceiling                         ${ratio.toFixed(2)}   (goal >= 0.5)`);
  console.log(
    `CPU per paid order through core, CDC on: core + Postgres ${msPerOrder(viaHttp, ['core', 'postgres']).toFixed(1)} ms; ` +
      `the CDC pipeline (relay, indexer, Kafka, Elasticsearch, Redis and its bridge) ${msPerOrder(viaHttp, CDC_PARTS).toFixed(1)} ms; ` +
      `with CDC paused, core + Postgres ${msPerOrder(cdcPaused, ['core', 'postgres']).toFixed(1)} ms`,
  );
  writeBenchResult(
    'checkout',
    [
      'core (its own process)',
      'relay + indexer (their own processes)',
      'edge on Node and under workerd (for the edge figures)',
      'postgres.js in the bench process (ceiling)',
    ],
    {
      core_http_paid_orders_per_s: { value: viaHttp.perSecond, unit: 'paid orders/s' },
      core_http_cdc_paused_paid_orders_per_s: { value: cdcPaused.perSecond, unit: 'paid orders/s' },
      edge_node_paid_orders_per_s: { value: viaNodeEdge.perSecond, unit: 'paid orders/s' },
      edge_workerd_paid_orders_per_s: { value: viaWorkerEdge.perSecond, unit: 'paid orders/s' },
      direct_paid_orders_per_s: { value: ceiling.perSecond, unit: 'paid orders/s' },
      clients: { value: CLIENTS, unit: 'concurrent clients' },
      // what one paid order cost each process through core's API with CDC on: the capacity plan's per-core rates
      ...Object.fromEntries(
        ['core', 'postgres', 'relay', 'indexer', 'kafka'].map((part) => [
          `${part}_cpu_ms_per_paid_order`,
          { value: msPerOrder(viaHttp, [part]), unit: 'CPU ms/paid order' },
        ]),
      ),
    },
  );
} finally {
  await stopEverything();
  await sql.end();
}
