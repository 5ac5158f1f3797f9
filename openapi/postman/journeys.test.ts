import { describe, expect, it } from 'vitest';
import type { PostmanCollection } from './format.ts';
import { journeyStep, journeysCollection, type JourneyStep, testScript } from './journeys.ts';

const collection: PostmanCollection = {
  info: { name: 'Commerce API', schema: 'v2.1' },
  item: [
    {
      name: 'orders',
      item: [
        {
          name: 'Order status',
          request: {
            method: 'GET',
            header: [],
            url: {
              host: ['{{baseUrl}}'],
              path: ['order_status'],
              query: [
                { key: 'order_id', value: 'faked', disabled: false },
                { key: 'verbose', value: 'true', disabled: false },
              ],
              variable: [],
            },
          },
        },
        {
          name: 'Set status',
          request: {
            method: 'POST',
            header: [],
            url: { host: ['{{baseUrl}}'], path: ['admin', 'orders', ':order_id', 'status'], query: [], variable: [{ key: 'order_id', value: 'faked' }] },
            body: { mode: 'raw', raw: '{"status":"faked"}' },
          },
        },
      ],
    },
  ],
  event: [],
  variable: [{ key: 'baseUrl', value: 'http://127.0.0.1:8787' }],
};

const status: JourneyStep = { name: 'Order status', method: 'GET', path: '/order_status', query: { order_id: '{{orderId}}' }, status: 200 };
const pack: JourneyStep = {
  name: 'Pack',
  method: 'POST',
  path: '/admin/orders/{order_id}/status',
  params: { order_id: '{{orderId}}' },
  body: { status: 'packed' },
  status: 200,
  save: { firstStatus: 'history.0.status' },
  checks: ["pm.expect(json.status).to.eql('packed')"],
  before: ['console.log(1);'],
};

describe('journeyStep', () => {
  it('sends the given query parameters and disables the others', () => {
    expect(journeyStep(collection, status).request!.url.query).toEqual([
      { key: 'order_id', value: '{{orderId}}', disabled: false },
      { key: 'verbose', value: 'true', disabled: true },
    ]);
  });

  it('fills path variables and the JSON body, and runs the step scripts', () => {
    const item = journeyStep(collection, pack);
    expect(item.request!.url.variable).toEqual([{ key: 'order_id', value: '{{orderId}}' }]);
    expect(JSON.parse(item.request!.body!.raw!)).toEqual({ status: 'packed' });
    expect(item.event!.map((e) => e.listen)).toEqual(['prerequest', 'test']);
  });

  it.each([
    ['a route the document lacks', { ...status, path: '/nowhere' }, /GET \/nowhere is not in the OpenAPI document/],
    ['a method the route lacks', { ...status, method: 'DELETE' as const }, /DELETE \/order_status is not in the OpenAPI document/],
    ['an unknown query parameter', { ...status, query: { nope: '1' } }, /has no parameter nope/],
    ['an unknown path variable', { ...pack, params: { id: '1' } }, /has no parameter id/],
  ])('fails the generation on %s', (_, step, message) => {
    expect(() => journeyStep(collection, step)).toThrow(message);
  });
});

describe('testScript', () => {
  it.each([
    ['status only', status, ['pm.test("Order status: 200", function () { pm.response.to.have.status(200); });']],
    [
      'saves (only on the expected status) and checks',
      pack,
      [
        'pm.test("Pack: 200", function () { pm.response.to.have.status(200); });',
        'const json = pm.response.json();',
        'if (pm.response.code === 200) {',
        '  pm.environment.set("firstStatus", json["history"][0]["status"]);',
        '}',
        'pm.test("Pack: reply", function () {',
        "  pm.expect(json.status).to.eql('packed');",
        '});',
      ],
    ],
  ])('%s', (_, step, lines) => expect(testScript(step)).toEqual(lines));
});

describe('journeysCollection', () => {
  it('one folder per journey, in order, with the journey variables after the base URL', () => {
    const out = journeysCollection(collection, [{ name: 'J', description: 'd', steps: [status, pack] }], [{ key: 'searchQuery', value: 'x' }]);
    expect(out.item.map((f) => [f.name, f.item!.map((i) => i.name)])).toEqual([['J', ['Order status', 'Pack']]]);
    expect(out.variable.map((v) => v.key)).toEqual(['baseUrl', 'searchQuery']);
  });
});
