import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../config/schema.ts';
import { loadConfig, repoRoot } from '../config/index.ts';
import { hostPort } from '../config/schema.ts';
import { ELASTICSEARCH_VERSION, KAFKA_VERSION } from './versions.ts';

// docker-compose.yml must describe the same system as the local stack: same services,
// the same host ports as the config defaults (on loopback only), only variables the config
// knows, secrets from .env and never written in the file, same versions.
type Service = { image?: string; ports?: string[]; environment?: Record<string, string>; env_file?: string | string[] };
const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const defaults = loadConfig({});
const LOOPBACK_PORT = /^127\.0\.0\.1:(\d+):\d+$/;
const hostPortOf = (s: Service) => (s.ports ?? []).map((p) => Number(LOOPBACK_PORT.exec(p)?.[1]));
const APPS = ['core', 'relay', 'indexer', 'webhooks', 'edge', 'setup'];
const SECRET = /PASSWORD|TOKEN|SECRET|PRIVATE_KEY/;

describe('docker-compose.yml', () => {
  it('has every stack service and every app service', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'upstash', 'upstash-ratelimit', 'kafka', 'elasticsearch', 'core', 'relay', 'indexer', 'webhooks', 'edge']),
    );
  });

  it.each([
    ['postgres', defaults.POSTGRES_PORT],
    ['redis', defaults.REDIS_PORT],
    ['upstash', hostPort(defaults.UPSTASH_REDIS_REST_URL).port],
    ['upstash-ratelimit', hostPort(defaults.RATE_LIMIT_REDIS_REST_URL).port],
    ['kafka', hostPort(defaults.KAFKA_BROKERS).port],
    ['elasticsearch', hostPort(defaults.ELASTICSEARCH_URL).port],
    ['core', hostPort(defaults.CORE_URL).port],
    ['edge', hostPort(defaults.EDGE_URL).port],
  ])('publishes %s on the config default port %d', (name, port) => {
    expect(hostPortOf(compose.services[name]!)).toContain(port);
  });

  it('publishes every port on 127.0.0.1 only', () => {
    const ports = Object.entries(compose.services).flatMap(([name, s]) => (s.ports ?? []).map((p) => `${name} ${p}`));
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.filter((p) => !LOOPBACK_PORT.test(p.split(' ')[1]!))).toEqual([]);
  });

  it('takes secrets from .env: the apps read it, the servers interpolate it, no secret is written in the file', () => {
    for (const name of APPS) expect([compose.services[name]!.env_file].flat()).toContain('.env');
    const secrets = Object.entries(compose.services).flatMap(([name, s]) =>
      Object.entries(s.environment ?? {})
        .filter(([k]) => SECRET.test(k))
        .map(([k, v]) => ({ at: `${name}.${k}`, v: String(v) })),
    );
    expect(secrets.map((s) => s.at)).toEqual(expect.arrayContaining(['postgres.POSTGRES_PASSWORD', 'upstash.SRH_TOKEN', 'upstash-ratelimit.SRH_TOKEN']));
    expect(secrets.filter((s) => !/^\$\{[A-Z_]+:\?[^}]+\}$/.test(s.v)).map((s) => `${s.at}=${s.v}`)).toEqual([]);
  });

  it('passes the apps only variables the config module defines', () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const name of APPS) {
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
