import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // The CLI tests spawn the built binary; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    // Test files share one module graph per worker: importing the sources again for each of
    // 80 files was a third of the suite's time. No test changes module state it does not
    // restore (checked by a run in shuffled file order: --sequence.shuffle.files).
    pool: 'threads',
    isolate: false,
    // Generous: a loaded machine can take several times as long; the bench measures speed, not the tests.
    testTimeout: 90_000,
  },
});
