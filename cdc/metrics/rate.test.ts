import { describe, expect, it } from 'vitest';
import { rateWindow } from './rate.ts';

describe('rateWindow', () => {
  it('averages what was added within the window', () => {
    let t = 0;
    const w = rateWindow(10_000, () => t);
    expect(w.perSecond()).toBe(0);
    w.add(50);
    t = 4000;
    w.add(30);
    expect(w.perSecond()).toBe(8);
    t = 10_500;
    expect(w.perSecond()).toBe(3);
    t = 20_000;
    expect(w.perSecond()).toBe(0);
  });
});
