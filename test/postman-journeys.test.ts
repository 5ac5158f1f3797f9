import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropIndices } from '../cdc/search/indices.ts';
import { loadProducts } from '../cdc/search/load.ts';
import { ENVIRONMENT_PATH, JOURNEYS_PATH } from '../openapi/postman/render.ts';
import { operatorJourney, shopperJourney } from '../openapi/postman/journey-steps.ts';
import { testEs, testSql } from './cdc-harness.ts';
import { runCollection, type CollectionRun } from './support/newman.ts';
import { seedProducts } from './support/seed-index.ts';
import { freePort, startEntry, startNodeEdge, type Running } from './support/servers.ts';

// The committed journeys collection (openapi/postman/, written by `npm run openapi`) run with
// newman against core and a Node edge of this file's own, with the committed local environment
// pointed at them. Search reads a private index holding this file's own in-stock product, whose
// unique word is the journey's search query; the operator is core's ADMIN_EMAIL account.
const sql = testSql();
const es = testEs();
const tag = randomUUID().slice(0, 8);
const productId = `postman-${tag}`;
const searchWord = `zephyrphone${tag.replace(/\d/g, '')}`;
const indexPrefix = `postmantest-${tag}`;
const admin = { email: `operator-${tag}@example.com`, password: 'operator journey password' };
const running: Running[] = [];
let run: CollectionRun;

beforeAll(async () => {
  await sql`insert into products ${sql({ id: productId, pid: `PID-${productId}`, title: `Zephyr ${searchWord} 5G`, brand: 'Zephyr', category_path: ['Mobiles & Accessories', 'Mobiles'], description: 'Postman journey phone', price_amount: 1_499_900, mrp_amount: 1_799_900 })}`;
  await sql`insert into inventory ${sql({ product_id: productId, on_hand: 10, reserved: 0 })}`;
  await seedProducts(es, indexPrefix, [...(await loadProducts(sql, [productId])).values()]);

  const coreUrl = `http://127.0.0.1:${await freePort()}`;
  running.push(
    await startEntry(
      'core/main.ts',
      { CORE_URL: coreUrl, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, PASSWORD_SCRYPT_COST: '1024' },
      `${coreUrl}/health`,
    ),
  );
  // write-limit buckets of its own: other suites' writes from this address must not spend this one's
  const edge = await startNodeEdge({ CORE_URL: coreUrl, SEARCH_INDEX_PREFIX: indexPrefix, EDGE_RATE_LIMIT_PREFIX: `ratelimit:postman-${tag}` });
  running.push(edge);

  const local = JSON.parse(readFileSync(ENVIRONMENT_PATH, 'utf8')) as { values: { key: string; value: string }[] };
  const environment = Object.fromEntries(local.values.map((v) => [v.key, v.value]));
  run = await runCollection(JOURNEYS_PATH, {
    ...environment,
    baseUrl: edge.url,
    searchQuery: searchWord,
    adminEmail: admin.email,
    adminPassword: admin.password,
  });
}, 180_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await dropIndices(es, indexPrefix);
  // the paid order keeps referencing the product; its id never collides with the catalog's
  await sql`delete from products where id = ${productId}`.catch(() => undefined);
  if (run?.environment.adminProductId) await sql`delete from products where id = ${run.environment.adminProductId}`;
  await es.close();
  await sql.end();
});

describe('Postman journeys with newman', () => {
  it('every step of the shopper and operator journeys passes its assertions', () => {
    expect(run.failures, run.failures.join('\n')).toEqual([]);
    expect(run.steps.map((s) => s.name)).toEqual([...shopperJourney.steps, ...operatorJourney.steps].map((s) => s.name));
    expect(run.steps.map((s) => s.status)).toEqual([...shopperJourney.steps, ...operatorJourney.steps].map((s) => s.status));
    expect(run.assertions).toBeGreaterThanOrEqual(run.steps.length * 2 - 2);
    console.log(run.steps.map((s) => `${s.name}: ${s.status} in ${s.ms} ms`).join('\n'));
  });

  it('found our product, and each money step sent an Idempotency-Key of its own', () => {
    expect(run.environment.productId).toBe(productId);
    const keys = run.steps.filter((s) => s.idempotencyKey !== undefined).map((s) => s.idempotencyKey);
    expect(run.steps.filter((s) => s.idempotencyKey !== undefined).map((s) => s.name)).toEqual(['Checkout', 'Pay with the sandbox card', 'Refund the order']);
    expect(new Set(keys).size).toBe(3);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("the operator's changes reached the database, each with one audit row", async () => {
    const [order] = await sql<{ status: string }[]>`select status from orders where id = ${run.environment.orderId!}`;
    expect(order?.status).toBe('refunded');
    const [product] = await sql<{ price_amount: number; on_hand: number }[]>`
      select p.price_amount, i.on_hand from products p join inventory i on i.product_id = p.id where p.id = ${run.environment.adminProductId!}`;
    expect(product).toEqual({ price_amount: 129_900, on_hand: 25 });
    const audit = await sql<{ action: string }[]>`select action from audit_log where entity_id = ${run.environment.adminProductId!} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['product.create', 'price.set', 'stock.adjust']);
  });
});
