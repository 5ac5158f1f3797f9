import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code; test/ holds the cross-service suites that talk to the
// real stack. Integration files share one stack, so files run one at a time.
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{config,log,core,edge,cdc,openapi,stack,bench}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
