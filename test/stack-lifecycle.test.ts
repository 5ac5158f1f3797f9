import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, repoRoot } from '../config/index.ts';

// A second, throwaway stack on other ports and its own data folder, so that stopping it
// cannot disturb the stack every other suite is using.
const stackDir = join(repoRoot, '.stack', `lifecycle-test-${process.pid}`);
const env = childEnv({
  STACK_DIR: stackDir,
  POSTGRES_PORT: '54330',
  REDIS_PORT: '63791',
  UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:8089',
  RATE_LIMIT_REDIS_REST_URL: 'http://127.0.0.1:8088',
  KAFKA_BROKERS: '127.0.0.1:19192',
  KAFKA_CONTROLLER_PORT: '19193',
  ELASTICSEARCH_URL: 'http://127.0.0.1:19210',
  ELASTICSEARCH_HEAP_MAX: '512m',
});
const stack = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'stack/main.ts'), ...args], { env, encoding: 'utf8', timeout: 300_000 });
type Status = { services: { name: string; url: string; pid: number | null; healthy: boolean }[] };
const status = (): Status => JSON.parse(stack('status', '--json').stdout) as Status;
const NAMES = ['postgres', 'redis', 'upstash', 'upstash-ratelimit', 'kafka', 'elasticsearch'];

afterAll(() => {
  stack('down');
  rmSync(stackDir, { recursive: true, force: true });
});

describe('stack up / down', () => {
  it('brings every service up, a second up is harmless, and down stops all it started', async () => {
    const first = stack('up');
    expect(first.status, first.stderr).toBe(0);
    const up = status();
    expect(up.services.map((s) => s.name)).toEqual(NAMES);
    expect(up.services.every((s) => s.healthy && typeof s.pid === 'number')).toBe(true);
    expect(up.services.find((s) => s.name === 'postgres')!.url).toContain(':54330');

    const second = stack('up');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already running/);
    expect(status().services.map((s) => s.pid)).toEqual(up.services.map((s) => s.pid));

    const down = stack('down');
    expect(down.status, down.stderr).toBe(0);
    const after = status();
    expect(after.services.every((s) => !s.healthy && s.pid === null)).toBe(true);
    for (const pid of up.services.map((s) => s.pid!)) expect(() => process.kill(pid, 0)).toThrow();
    expect(stack('status').status).toBe(1);
  }, 400_000);
});
