import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The CLI tests spawn the built binary; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    // Generous: a loaded machine can take several times as long; the bench measures speed, not the tests.
    testTimeout: 90_000,
  },
});
