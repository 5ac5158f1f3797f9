import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, repoRoot } from '../config/index.ts';

// A machine without Redis, Java or apt-get: a PATH holding nothing but sh and node.
const bare = mkdtempSync(join(tmpdir(), 'bare-path-'));
symlinkSync('/bin/sh', join(bare, 'sh'));
symlinkSync(process.execPath, join(bare, 'node'));
const env = childEnv({ PATH: bare });
afterAll(() => rmSync(bare, { recursive: true, force: true }));

const runTs = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { env, cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });

describe('missing prerequisites', () => {
  it('name the Java package to install', () => {
    const r = runTs(`import { javaHome } from './stack/prereq.ts'; try { javaHome() } catch (e) { console.log(e.constructor.name + ': ' + e.message) }`);
    expect(r.stdout).toMatch(/PrereqError: Java 17\+ is missing: install 'openjdk-17-jre-headless'/);
  });

  it('name the Debian package when apt-get is not available', () => {
    const r = runTs(
      `import { ensureAptPackage } from './stack/prereq.ts'; try { ensureAptPackage('redis-server', 'redis-server') } catch (e) { console.log(e.message) }`,
    );
    expect(r.stdout).toMatch(/'redis-server' is missing: install the Debian\/Ubuntu package 'redis-server'/);
  });

  it('make stack:up exit non-zero with that message instead of hanging', () => {
    // a hang would hit the spawn timeout and leave status null
    const r = spawnSync(process.execPath, [join(repoRoot, 'stack/main.ts'), 'up'], { env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing prerequisite: .*install/);
  });
});
