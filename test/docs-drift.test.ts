// Generated rule docs must match the rules: regenerate with `npm run docs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/library.js';
import { buildRuleDocs } from '../src/cli/rule-docs.js';
import { PACKAGE_ROOT } from '../src/load/paths.js';

const dir = join(PACKAGE_ROOT, 'docs', 'rules');
const pages = buildRuleDocs(loadLibrary());

describe('generated rule docs (run `npm run docs` after changing a rule)', () => {
  it('no page is missing or left over', () => {
    const onDisk = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : [];
    expect(onDisk).toEqual([...pages.keys()].sort());
  });
  it.each([...pages.keys()])('%s is up to date', (name) => {
    expect(readFileSync(join(dir, name), 'utf8')).toBe(pages.get(name));
  });
});
