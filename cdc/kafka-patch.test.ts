import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// patches/kafkajs+2.2.4.patch: an idle connection's request queue no longer re-arms a 1 ms
// timer forever (Node 24 printed a TimeoutNegativeWarning for it; an idle producer cost
// ~270 ms of CPU per 5 s instead of ~10). Fails when the patch is not applied.
type RequestQueue = { throttledUntil: number; throttleCheckTimeoutId: unknown; checkPendingRequests(): void; destroy(): void };
const RequestQueueClass = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as new (o: object) => RequestQueue;

const queue = () =>
  new RequestQueueClass({
    maxInFlightRequests: 1,
    requestTimeout: 1000,
    enforceRequestTimeout: false,
    clientId: 't',
    broker: 'b',
    logger: { debug: () => {} },
  });

describe('kafkajs request queue (patched)', () => {
  it('schedules nothing when no request waits and nothing throttles', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('still schedules a check for the end of a throttle', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 1000;
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
  });
});
