import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module instance: Pothos and Yoga load the CommonJS build, so our imports must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each file gets its own database clone; files run in parallel on separate workers.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
