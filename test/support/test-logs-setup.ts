import { afterAll, beforeEach } from 'vitest';
import { closeLogs, logTails } from './test-logs.ts';

// Integration setup file: a failing test shows the tails of the service logs of its file.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    const tails = logTails();
    if (tails) process.stderr.write(`${tails}\n`);
  });
});

afterAll(closeLogs);
