import { describe, expect, it } from 'vitest';
import { MAX_UNITS } from '../../openapi/schemas/admin-catalog.ts';
import { nextOnHand, stockChangeOf } from './stock-rule.ts';

describe('nextOnHand', () => {
  it.each([
    { current: { on_hand: 10, reserved: 0 }, change: { delta: 5 }, expected: { ok: true, on_hand: 15 } },
    { current: { on_hand: 10, reserved: 0 }, change: { delta: -10 }, expected: { ok: true, on_hand: 0 } },
    { current: { on_hand: 10, reserved: 3 }, change: { delta: -7 }, expected: { ok: true, on_hand: 3 } },
    { current: { on_hand: 10, reserved: 3 }, change: { delta: -8 }, expected: { ok: false, wanted: 2, reason: 'below-reserved' } },
    { current: { on_hand: 0, reserved: 0 }, change: { delta: -1 }, expected: { ok: false, wanted: -1, reason: 'below-reserved' } },
    { current: { on_hand: 10, reserved: 4 }, change: { on_hand: 4 }, expected: { ok: true, on_hand: 4 } },
    { current: { on_hand: 10, reserved: 4 }, change: { on_hand: 3 }, expected: { ok: false, wanted: 3, reason: 'below-reserved' } },
    { current: { on_hand: 10, reserved: 0 }, change: { on_hand: 0 }, expected: { ok: true, on_hand: 0 } },
    { current: { on_hand: MAX_UNITS, reserved: 0 }, change: { delta: 1 }, expected: { ok: false, wanted: MAX_UNITS + 1, reason: 'too-many' } },
  ])('$current + $change → $expected', ({ current, change, expected }) => {
    expect(nextOnHand(current, change)).toEqual(expected);
  });
});

describe('stockChangeOf', () => {
  it.each([
    { body: { delta: -2 }, expected: { delta: -2 } },
    { body: { on_hand: 0 }, expected: { on_hand: 0 } },
    { body: { delta: 1, on_hand: 5 }, expected: { delta: 1 } },
    { body: {}, expected: null },
  ])('$body → $expected', ({ body, expected }) => {
    expect(stockChangeOf(body)).toEqual(expected);
  });
});
