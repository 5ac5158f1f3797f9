import { defineConfig } from 'vitest/config';
import { testSettings } from './test/support/settings.ts';

// Unit tests sit beside their code; test/ holds the cross-service suites that talk to the
// real stack. Integration files share one stack, so files run one at a time. They run with
// their own database, slot, topics, index and Redis keys (test/support/settings.ts), never
// on what `npm start` serves; services they start log to .test-logs/ (test/support/test-logs.ts).
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{config,log,core,edge,cdc,openapi,stack,bench,cli}/**/*.test.ts', 'test/support/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/support/**'],
          env: testSettings,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/support/test-logs-setup.ts'],
        },
      },
    ],
  },
});
