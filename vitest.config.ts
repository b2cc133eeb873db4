import { defineConfig } from 'vitest/config';

// Files that start processes (the service, the Prisma CLI) or drive a browser. They cover the
// embedded database themselves and PostgreSQL when TEST_DATABASE_URL is set, so CI runs them once,
// on the PostgreSQL run, while the in-process files run on every database and Node version
// (.ci/run: `--project unit` on the other runs).
const PROCESS_FILES = [
  'test/schema.test.ts',
  'test/server.test.ts',
  'test/first-run.test.ts',
  'test/crash-safety.test.ts',
  'test/*.browser.test.ts',
];

export default defineConfig({
  // One graphql module instance: Pothos and Yoga load the CommonJS build, so our imports must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each file gets its own database clone; files run in parallel on separate workers.
    pool: 'forks',
    // Files share a worker's module cache: nothing here keeps state in a module (every app, database,
    // clock and key set is created per test file), and re-importing the app for each of ~27 files
    // cost ~35 s of the ~190 s suite on this machine (measured: 194 s isolated, 119 s shared).
    isolate: false,
    // vitest's default is one worker per core minus one: a single worker on a 2-core machine. Test
    // files spend much of their time waiting (argon2 on the threadpool, spawned processes, HTTP),
    // so three share two cores well; `--maxWorkers` overrides.
    maxWorkers: 3,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: PROCESS_FILES } },
      { extends: true, test: { name: 'process', include: PROCESS_FILES, globalSetup: ['test/helpers/build-dist.ts'] } },
    ],
  },
});
