import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../config/schema.ts';
import { loadConfig, repoRoot } from '../config/index.ts';
import { hostPort } from '../config/schema.ts';
import { ELASTICSEARCH_VERSION, KAFKA_VERSION } from './versions.ts';

// docker-compose.yml must describe the same system as the local stack: same services,
// the same host ports as the config defaults, only variables the config knows, same versions.
type Service = { image?: string; ports?: string[]; environment?: Record<string, string> };
const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const defaults = loadConfig({});
const hostPortOf = (s: Service) => (s.ports ?? []).map((p) => Number(p.split(':')[0]));

describe('docker-compose.yml', () => {
  it('has every stack service and every app service', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'upstash', 'kafka', 'elasticsearch', 'core', 'relay', 'indexer', 'edge']),
    );
  });

  it.each([
    ['postgres', defaults.POSTGRES_PORT],
    ['redis', defaults.REDIS_PORT],
    ['upstash', hostPort(defaults.UPSTASH_REDIS_REST_URL).port],
    ['kafka', hostPort(defaults.KAFKA_BROKERS).port],
    ['elasticsearch', hostPort(defaults.ELASTICSEARCH_URL).port],
    ['core', hostPort(defaults.CORE_URL).port],
    ['edge', hostPort(defaults.EDGE_URL).port],
  ])('publishes %s on the config default port %d', (name, port) => {
    expect(hostPortOf(compose.services[name]!)).toContain(port);
  });

  it('passes the apps only variables the config module defines', () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const name of ['core', 'relay', 'indexer', 'edge', 'setup']) {
      const vars = Object.keys(compose.services[name]!.environment ?? {});
      expect(vars.length).toBeGreaterThan(0);
      expect(vars.filter((v) => !known.has(v))).toEqual([]);
    }
  });

  it('pins the server versions the local stack runs', () => {
    expect(compose.services.kafka!.image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    expect(compose.services.elasticsearch!.image).toBe(`docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`);
    expect(compose.services.postgres!.image).toMatch(/^postgres:1[5-9]/);
  });
});
