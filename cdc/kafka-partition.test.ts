import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from './kafka-partition.ts';

// kafkajs's own implementation (Long-based), which decided the partition of every key so far.
const kafkajsMurmur2 = createRequire(import.meta.url)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: string) => number;

describe('murmur2', () => {
  it('matches the Java client on its published vectors', () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    expect(murmur2('21')).toBe(-973932308);
    expect(murmur2('foobar')).toBe(-790332482);
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829);
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971);
    expect(murmur2('abc')).toBe(479470107);
  });

  it('gives every key the value kafkajs gave it, whatever its length and characters', () => {
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'é', '商品', '{"id":"MOBF9Z7GFRZZHGTR"}', '{"product_id":"bench-1a2b3c4d-17"}'];
    for (let i = 0; i < 2000; i++) {
      const len = i % 67;
      keys.push(Array.from({ length: len }, (_, j) => String.fromCharCode(32 + ((i * 31 + j * 17) % 0x2ff))).join(''));
    }
    for (const key of keys) expect(murmur2(key), key).toBe(kafkajsMurmur2(key));
  });
});

describe('partitionForKey', () => {
  it('is the positive hash modulo the partition count', () => {
    expect(partitionForKey('foobar', 3)).toBe((-790332482 & 0x7fffffff) % 3);
    for (const key of ['21', 'abc', 'x']) expect(partitionForKey(key, 1)).toBe(0);
  });
});
