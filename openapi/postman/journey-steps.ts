import type { Journey } from './journeys.ts';

// The two journeys `npm test` runs with newman (test/postman-journeys.test.ts). Their inputs are
// variables: the journeys collection gives defaults, an environment overrides them.
export const JOURNEY_VARIABLES = [
  { key: 'searchQuery', value: 'samsung' },
  { key: 'shopperPassword', value: 'correct horse battery' },
  { key: 'adminEmail', value: '' },
  { key: 'adminPassword', value: '' },
];

const ADDRESS = { name: 'Asha Rao', line1: '12 MG Road', city: 'Bengaluru', state: 'Karnataka', postal_code: '560001', country: 'IN' };

export const shopperJourney: Journey = {
  name: 'Shopper journey',
  description: 'Register, sign in, find an in-stock product, buy one with the sandbox card and follow the order.',
  steps: [
    {
      name: 'Register',
      method: 'POST',
      path: '/auth/register',
      before: ["pm.environment.set('shopperEmail', 'shopper-' + pm.variables.replaceIn('{{$guid}}') + '@example.com');"],
      body: { email: '{{shopperEmail}}', password: '{{shopperPassword}}' },
      status: 201,
      save: { token: 'access_token' },
    },
    {
      name: 'Sign in',
      method: 'POST',
      path: '/auth/login',
      body: { email: '{{shopperEmail}}', password: '{{shopperPassword}}' },
      status: 200,
      save: { token: 'access_token' },
      checks: ["pm.expect(json.user.email).to.eql(pm.environment.get('shopperEmail'))"],
    },
    {
      name: 'Search',
      method: 'GET',
      path: '/products/search_item',
      query: { query: '{{searchQuery}}', in_stock: 'true', size: '5' },
      status: 200,
      save: { productId: 'items.0.id' },
      checks: ['pm.expect(json.items.length).to.be.above(0)', 'pm.expect(json.items[0].in_stock).to.eql(true)'],
    },
    {
      name: 'Product page',
      method: 'GET',
      path: '/products/{product_id}',
      params: { product_id: '{{productId}}' },
      status: 200,
      checks: ["pm.expect(json.id).to.eql(pm.environment.get('productId'))", 'pm.expect(json.price.amount).to.be.above(0)'],
    },
    {
      name: 'Add to cart',
      method: 'POST',
      path: '/cart/add_products',
      body: { items: [{ product_id: '{{productId}}', quantity: 1 }] },
      status: 200,
      checks: ["pm.expect(json.items.map((l) => l.product_id)).to.include(pm.environment.get('productId'))"],
    },
    {
      name: 'Checkout',
      method: 'POST',
      path: '/checkout',
      body: { shipping_address: ADDRESS },
      status: 201,
      save: { orderId: 'order_id' },
      checks: ["pm.expect(json.status).to.eql('pending_payment')"],
    },
    {
      name: 'Pay with the sandbox card',
      method: 'POST',
      path: '/payment',
      body: { order_id: '{{orderId}}', payment_method: 'tok_success' },
      status: 200,
      checks: ["pm.expect(json.status).to.eql('paid')"],
    },
    {
      name: 'Order status',
      method: 'GET',
      path: '/order_status',
      query: { order_id: '{{orderId}}' },
      status: 200,
      checks: ["pm.expect(json.status).to.eql('paid')", "pm.expect(json.history.map((h) => h.status)).to.include('paid')"],
    },
    {
      name: 'My orders',
      method: 'GET',
      path: '/orders',
      status: 200,
      checks: ["pm.expect(json.items.map((o) => o.order_id)).to.include(pm.environment.get('orderId'))"],
    },
  ],
};

const fulfil = (status: string) => ({
  name: `Mark the order ${status.replaceAll('_', ' ')}`,
  method: 'POST' as const,
  path: '/admin/orders/{order_id}/status',
  params: { order_id: '{{orderId}}' },
  body: { status, reason: 'Operator journey' },
  status: 200,
  checks: [`pm.expect(json.status).to.eql('${status}')`],
});

export const operatorJourney: Journey = {
  name: 'Operator journey',
  description:
    "Sign in as an operator (adminEmail, adminPassword), add a product, price and stock it, then find, fulfil and refund the shopper's order (orderId) and read its audit trail.",
  steps: [
    {
      name: 'Operator sign in',
      method: 'POST',
      path: '/auth/login',
      body: { email: '{{adminEmail}}', password: '{{adminPassword}}' },
      status: 200,
      save: { token: 'access_token' },
    },
    {
      name: 'Create a product',
      method: 'POST',
      path: '/admin/products',
      body: { title: 'Operator journey desk lamp', brand: 'Journey', category_path: ['Home & Kitchen', 'Lighting'], price_amount: 149900, mrp_amount: 199900 },
      status: 201,
      save: { adminProductId: 'id' },
      checks: ['pm.expect(json.on_hand).to.eql(0)'],
    },
    {
      name: 'Set its price',
      method: 'PUT',
      path: '/admin/products/{product_id}/price',
      params: { product_id: '{{adminProductId}}' },
      body: { price_amount: 129900, mrp_amount: 199900 },
      status: 200,
      checks: ['pm.expect(json.price_amount).to.eql(129900)', 'pm.expect(json.mrp_amount).to.eql(199900)'],
    },
    {
      name: 'Receive stock',
      method: 'POST',
      path: '/admin/products/{product_id}/stock',
      params: { product_id: '{{adminProductId}}' },
      body: { delta: 25, reason: 'Operator journey: first delivery' },
      status: 200,
      checks: ['pm.expect(json.on_hand).to.eql(25)', 'pm.expect(json.available).to.eql(25)'],
    },
    {
      name: 'Paid orders of the shopper',
      method: 'GET',
      path: '/admin/orders',
      query: { status: 'paid', email: '{{shopperEmail}}' },
      status: 200,
      checks: ["pm.expect(json.items.map((o) => o.order_id)).to.include(pm.environment.get('orderId'))"],
    },
    {
      name: 'Order detail',
      method: 'GET',
      path: '/admin/orders/{order_id}',
      params: { order_id: '{{orderId}}' },
      status: 200,
      checks: ["pm.expect(json.customer.email).to.eql(pm.environment.get('shopperEmail'))", 'pm.expect(json.payments.length).to.be.above(0)'],
    },
    fulfil('packed'),
    fulfil('shipped'),
    {
      name: 'Refund the order',
      method: 'POST',
      path: '/admin/orders/{order_id}/refund',
      params: { order_id: '{{orderId}}' },
      body: { reason: 'Operator journey: returned by the customer' },
      status: 200,
      checks: ["pm.expect(json.status).to.eql('refunded')"],
    },
    {
      name: "The order's audit trail",
      method: 'GET',
      path: '/admin/audit',
      query: { entity: 'order', entity_id: '{{orderId}}' },
      status: 200,
      checks: ["pm.expect(json.items.map((a) => a.action).sort()).to.eql(['order.refund', 'order.status', 'order.status'])"],
    },
  ],
};
