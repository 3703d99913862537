// Lint: TypeScript's recommended rules and the layer boundaries of the
// architecture (src/core is pure; load, render and cli only import
// downwards). Import cycles are checked by madge (test/architecture.test.ts).
// Runs in `npm test`.
import tseslint from 'typescript-eslint';

const upward = (layers) => layers.flatMap((l) => [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'src/core/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The functional core never touches the file system, the process or the layers above it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'fs', 'node:child_process', 'node:process', 'process'].map((name) => ({
            name,
            message: 'src/core is pure: pass data in from src/load or src/cli',
          })),
          patterns: [{ group: upward(['load', 'render', 'cli', 'testing']), message: 'src/core imports nothing above it' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: the CLI reads the process' }],
    },
  },
  {
    files: ['src/load/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: upward(['render', 'cli']), message: 'src/load turns files into values; it does not render or parse arguments' }] },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: upward(['cli']), message: 'src/render turns a report into bytes; the CLI calls it, not the other way' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.*'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/ban-ts-comment': 'off' },
  },
);
