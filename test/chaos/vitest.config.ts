import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

/**
 * The chaos suite on its own (`npx vitest run --config test/chaos/vitest.config.ts`): the root config's aliases, only
 * this folder's tests. The hub processes it starts run the build (`npx tsc -b`).
 */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    ...base.test,
    include: ['test/chaos/**/*.test.ts'],
  },
});
