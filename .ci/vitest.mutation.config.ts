/**
 * Vitest configuration for mutation testing only (`npm run mutation`, see
 * .ci/stryker.config.json): the fast, sensitive purpose-alignment tests. The slow
 * statistical tests (mechanisms, structure-wins; ~40 s a run) are left to `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the project root (in Stryker's sandbox: the sandbox copy of it)
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: [
      'test/purpose-alignment-mutation.test.ts',
      'test/purpose-alignment-invariants.test.ts',
      'test/purpose-alignment-determinism.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
