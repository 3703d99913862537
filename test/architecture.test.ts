// The architecture checks itself: no import cycles in src (type-only imports
// are erased at run time and skipped), as `npx madge --circular` sees it.
// Layer boundaries (src/core pure; load, render, cli downwards) are ESLint's.
import { join } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/load/paths.js';

describe('architecture', () => {
  it('src has no import cycles', async () => {
    const graph = await madge(join(PACKAGE_ROOT, 'src'), {
      fileExtensions: ['ts'],
      tsConfig: join(PACKAGE_ROOT, 'tsconfig.json'),
      detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
    });
    expect(graph.circular()).toEqual([]);
  });
});
