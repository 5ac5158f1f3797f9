import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from '../../config/index.ts';

// Services a test starts (child processes and in-process apps) log to
// .test-logs/<test file>-<service>.log instead of the test output; when a test fails, the
// setup file (test-logs-setup.ts) prints the last lines of each log of that file. A log is
// emptied the first time a run of its test file opens it.
const TEST_LOG_DIR = join(repoRoot, '.test-logs');
const TAIL_LINES = 50;

const opened = new Map<string, number>();

const testFile = () => basename(expect.getState().testPath ?? 'unknown').replace(/\.test\.ts$/, '');

/** A log file of this test file for `service`, opened once per run; returns its path and descriptor. */
export function serviceLog(service: string): { path: string; fd: number; write(line: string): void } {
  const path = join(TEST_LOG_DIR, `${testFile()}-${service}.log`);
  let fd = opened.get(path);
  if (fd === undefined) {
    mkdirSync(TEST_LOG_DIR, { recursive: true });
    fd = openSync(path, 'w');
    opened.set(path, fd);
  }
  const out = fd;
  return { path, fd: out, write: (line) => writeSync(out, line.endsWith('\n') ? line : `${line}\n`) };
}

/** The last `lines` lines of a log file. */
export function tailOf(path: string, lines = TAIL_LINES): string {
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** The tails of every log this test file opened, each under its path. */
export function logTails(lines = TAIL_LINES): string {
  return [...opened.keys()].map((path) => `── last ${lines} lines of ${path} ──\n${tailOf(path, lines)}`).join('\n');
}

export function closeLogs(): void {
  for (const fd of opened.values()) closeSync(fd);
  opened.clear();
}
