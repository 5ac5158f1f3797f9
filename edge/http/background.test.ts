import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { runAfterResponse } from './background.ts';

const onNode = {
  get executionCtx(): never {
    throw new Error('no execution context on Node');
  },
} as unknown as Context;

describe('runAfterResponse', () => {
  it('starts the work only after the microtasks that write the response', async () => {
    const order: string[] = [];
    runAfterResponse(onNode, async () => void order.push('work'));
    for (let i = 0; i < 20; i++) await Promise.resolve();
    order.push('response written');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['response written', 'work']);
  });

  it('hands the work to waitUntil where the runtime has one, so it outlives the response', async () => {
    const kept: Promise<unknown>[] = [];
    const onWorkers = { executionCtx: { waitUntil: (p: Promise<unknown>) => kept.push(p) } } as unknown as Context;
    let done = false;
    runAfterResponse(onWorkers, async () => {
      done = true;
    });
    expect(kept).toHaveLength(1);
    expect(done).toBe(false);
    await kept[0];
    expect(done).toBe(true);
  });
});
