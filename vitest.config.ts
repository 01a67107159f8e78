import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against sources, so a test never sees a stale build of a sibling package.
    alias: ['schemas', 'connectors', 'adapters', 'scoring', 'hub'].map((p) => ({ find: new RegExp(`^@tareks/${p}$`), replacement: src(p) })),
  },
  test: {
    include: ['{schemas,connectors,adapters,scoring,hub}/test/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/chaos/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
