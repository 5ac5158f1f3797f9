// The settings that keep the suites and the benches off what `npm start` serves: their own
// database, replication slot and publication, Kafka topics and consumer group, search index
// (and with it the Redis cache keys, which are named by the index prefix) and rate-limit
// buckets, and a read limit no load from one address reaches. The one definition:
// vitest.config.ts puts the test set into every test process's environment, bench/isolate.ts
// the bench set into a bench's, and global-setup derives both
// the database to prepare and the served one to guard from it.
type Isolated = 'test' | 'bench';

export function isolatedSettings(kind: Isolated): Record<string, string> {
  return {
    POSTGRES_DB: `commerce_${kind}`,
    CDC_SLOT: `commerce_${kind}_cdc`,
    CDC_PUBLICATION: `commerce_${kind}_pub`,
    CDC_TOPIC_PREFIX: `commerce-${kind}`,
    CDC_INDEXER_GROUP: `commerce-${kind}-indexer`,
    SEARCH_INDEX_PREFIX: `commerce-${kind}`,
    EDGE_RATE_LIMIT_PREFIX: `ratelimit:${kind}`,
    // Suites and benches read from one address far beyond a shopper's pace; the read limit's own test sets it low.
    EDGE_RATE_LIMIT_IP_READS_PER_MINUTE: '1000000000',
    // The suite waits on the CDC pipeline hundreds of times, one change at a time, where the
    // defaults' gathering (made for CPU under load) would add its whole wait each time; the
    // benches measure the defaults.
    ...(kind === 'test' ? { CDC_CONSUMER_BATCH_WAIT_MS: '50', CDC_RELAY_LINGER_MS: '5' } : {}),
  };
}

export const testSettings = isolatedSettings('test');
