import { describe, expect, it } from 'vitest';
import { planTransition, type Actor } from './state-machine.ts';
import type { OrderStatus } from '../../openapi/schemas/checkout.ts';

describe('planTransition', () => {
  const cases: [OrderStatus, OrderStatus, Actor, string][] = [
    ['pending_payment', 'paid', 'system', 'ok:sell_reservation'],
    ['pending_payment', 'paid', 'admin', 'forbidden'],
    ['pending_payment', 'paid', 'customer', 'forbidden'],
    ['pending_payment', 'cancelled', 'customer', 'ok:release_reservation'],
    ['pending_payment', 'cancelled', 'system', 'ok:release_reservation'],
    ['pending_payment', 'shipped', 'admin', 'illegal'],
    ['paid', 'packed', 'admin', 'ok:'],
    ['paid', 'packed', 'customer', 'forbidden'],
    ['paid', 'cancelled', 'customer', 'ok:restock,refund->refunded'],
    ['packed', 'cancelled', 'customer', 'forbidden'],
    ['packed', 'cancelled', 'admin', 'ok:restock,refund->refunded'],
    ['packed', 'shipped', 'admin', 'ok:'],
    ['shipped', 'out_for_delivery', 'admin', 'ok:'],
    ['shipped', 'cancelled', 'admin', 'illegal'],
    ['shipped', 'refunded', 'admin', 'ok:refund'],
    ['shipped', 'refunded', 'customer', 'forbidden'],
    ['out_for_delivery', 'refunded', 'admin', 'ok:refund'],
    ['out_for_delivery', 'delivered', 'admin', 'ok:'],
    ['delivered', 'refunded', 'admin', 'ok:refund'],
    ['delivered', 'packed', 'admin', 'illegal'],
    ['cancelled', 'paid', 'system', 'illegal'],
    ['cancelled', 'cancelled', 'admin', 'illegal'],
    ['refunded', 'paid', 'system', 'illegal'],
    ['paid', 'paid', 'system', 'illegal'],
  ];
  it.each(cases)('%s → %s by %s: %s', (from, to, actor, expected) => {
    const plan = planTransition(from, to, actor);
    const got = plan.ok ? `ok:${plan.effects.join(',')}${plan.followedBy ? `->${plan.followedBy}` : ''}` : plan.reason;
    expect(got).toBe(expected);
  });

  it('names the moves the actor may make when refusing', () => {
    expect(planTransition('paid', 'delivered', 'admin')).toEqual({ ok: false, reason: 'illegal', allowed: ['packed', 'cancelled'] });
    expect(planTransition('refunded', 'paid', 'admin')).toEqual({ ok: false, reason: 'illegal', allowed: [] });
  });
});
