import { describe, expect, it } from 'vitest';
import { MAX_UNITS } from '../../openapi/schemas/admin-catalog.ts';
import { nextOnHand } from './stock-rule.ts';

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
