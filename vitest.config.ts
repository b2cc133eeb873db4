import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module instance: Pothos and Yoga load the CommonJS build, so our imports must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each file gets its own database clone; files run in parallel on separate workers.
    pool: 'forks',
    // Files share a worker's module cache: nothing here keeps state in a module (every app, database,
    // clock and key set is created per test file), and re-importing the app for each of ~27 files
    // cost ~35 s of the ~190 s suite on this machine (measured: 194 s isolated, 119 s shared).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
