import { configDefaults, defineConfig } from 'vitest/config';

// Three projects, told apart by file name (see README, "Test"):
//   unit         `*.test.ts` beside the code: no database, Redis, sockets, processes or waits
//   integration  `*.integration.test.ts`: real Postgres, Redis, PGlite and local servers
//   e2e          `test/e2e/`: the deployments as real processes
// `npm test` runs all three in one `vitest run` (one start-up): unit first, in seconds, then
// integration and e2e side by side so the pool stays full while the slow files run. Only
// integration needs the PGlite template, so `npm run test:unit` never builds it.
const sources = ['packages/*/src/**', 'apps/*/src/**', 'test/**'];
// Projects in one group must share `maxWorkers`.
const WIDE = 3;

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // The main process loads global setups in vitest's own environment, which takes neither
  // option above; without this, @watchpost/core/testing would need a build.
  environments: { __vitest__: { resolve: { conditions: ['source'] } } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: sources.map((dir) => `${dir}/*.test.ts`),
          exclude: [...configDefaults.exclude, '**/*.integration.test.ts', 'test/e2e/**'],
          // Unit files hold no state between them (no I/O, no mocks of modules, no stubbed
          // globals), so one module graph serves them all: 40 s of re-imports become 8.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: sources.map((dir) => `${dir}/*.integration.test.ts`),
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          globalSetup: ['test/global-setup.ts'],
          // Each file opens its own database, key prefix, servers and clients, and closes
          // them; none mocks modules or stubs globals. So the files of one worker share a
          // module graph, as unit files do: importing the server stack once per worker
          // rather than once per file took the suite's import time from ~400 s to ~25 s.
          isolate: false,
          // Integration files mostly wait on Postgres, Redis, sockets and child processes,
          // and each has its own database and key prefix: more of them at once than cores
          // (the default on a 2-core machine is one) keeps the CPU busy.
          maxWorkers: WIDE,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Builds dist/ (incrementally): the processes run the compiled roles.
          globalSetup: ['test/e2e/global-setup.ts'],
          maxWorkers: WIDE,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
