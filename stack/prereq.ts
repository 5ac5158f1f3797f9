import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from '../config/index.ts';
import { has, isRoot, log, PrereqError, run } from './proc.ts';

// Installs a missing system package with apt-get when we can (root on Debian/Ubuntu);
// otherwise fails at once with the exact package to install, never hangs on a prompt.
let aptUpdated = false;

export function ensureAptPackage(binary: string, pkg: string, binaryPath?: string): void {
  if (binaryPath ? has(binaryPath) : has(binary)) return;
  if (!isRoot || !has('apt-get')) {
    throw new PrereqError(`'${binary}' is missing: install the Debian/Ubuntu package '${pkg}' (sudo apt-get install -y ${pkg}) and retry.`);
  }
  log(`installing ${pkg} with apt-get`);
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function javaHome(): string {
  if (!has('java')) {
    throw new PrereqError("Java 17+ is missing: install 'openjdk-17-jre-headless' (sudo apt-get install -y openjdk-17-jre-headless) and retry.");
  }
  // java prints its settings on stderr
  const r = run('sh', ['-c', 'java -XshowSettings:properties -version 2>&1']);
  const home = /java\.home = (.+)/.exec(r)?.[1]?.trim();
  const major = Number(/java\.specification\.version = (\d+)/.exec(r)?.[1]);
  if (!home || !(major >= 17)) throw new PrereqError(`Java 17+ is required (found ${major || 'unknown'}): install 'openjdk-17-jre-headless'.`);
  return home;
}

export function ensureMaven(): void {
  if (!has('mvn')) {
    if (isRoot && has('apt-get')) {
      ensureAptPackage('mvn', 'maven');
      return;
    }
    throw new PrereqError(
      "Maven is missing (needed to fetch Kafka and Elasticsearch from Maven Central): install 'maven' (sudo apt-get install -y maven) and retry.",
    );
  }
}

const knownUsers = new Set<string>();

export function ensureSystemUser(name: string): void {
  if (!isRoot || knownUsers.has(name)) return;
  const exists = run('sh', ['-c', `id -u ${name} >/dev/null 2>&1 && echo yes || echo no`]).trim() === 'yes';
  if (!exists) {
    log(`creating system user ${name}`);
    run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
  knownUsers.add(name);
}

/** Debian's Chromium, which the browser tests drive through playwright-core (no browser download). */
export const chromiumPath = '/usr/bin/chromium';

export function ensureChromium(): void {
  ensureAptPackage('chromium', 'chromium', chromiumPath);
}

/** Schemathesis, which fuzzes the services against their OpenAPI documents in the tests, pinned, in a venv of its own. */
const SCHEMATHESIS_VERSION = '4.32.5';

export const schemathesisBin = (cacheDir: string) => join(cacheDir, 'schemathesis-venv', 'bin', 'schemathesis');

export function ensureSchemathesis(cacheDir: string): void {
  const bin = schemathesisBin(cacheDir);
  if (has(bin) && run(bin, ['--version']).includes(SCHEMATHESIS_VERSION)) return;
  ensureAptPackage('python3', 'python3');
  const venv = join(cacheDir, 'schemathesis-venv');
  const made = spawnSync('python3', ['-m', 'venv', '--clear', venv], { encoding: 'utf8' });
  if (made.status !== 0) {
    // Debian splits venv (and its bundled pip) out of python3; the failed venv is the check, so the package is always installed here
    const minor = run('python3', ['-c', 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")']).trim();
    ensureAptPackage(`python${minor}-venv`, `python${minor}-venv`, '/nonexistent');
    run('python3', ['-m', 'venv', '--clear', venv]);
  }
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}`);
  run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
}
