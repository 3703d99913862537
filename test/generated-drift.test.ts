// Files generated from the vocabularies in taxonomy/ (topic type, rule schema enum,
// authoring doc list) must match them: regenerate with `npm run generate`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/load/paths.js';
// @ts-expect-error: a plain ESM script without type declarations
import { generatedFiles } from '../scripts/generate.mjs';

import * as language from '../src/core/conditions/schema.js';

const files = generatedFiles(language) as Map<string, string>;

describe('generated files (run `npm run generate` after editing taxonomy/topics.yaml or a predicate)', () => {
  it.each([...files.keys()])('%s is up to date', (path) => {
    expect(readFileSync(join(PACKAGE_ROOT, path), 'utf8')).toBe(files.get(path));
  });
  it('every topic a question or rule can name is in the taxonomy, in matrix order', async () => {
    const { TOPIC_ORDER } = await import('../src/core/matrix.js');
    const { TOPICS } = await import('../src/core/generated/topics.js');
    expect(TOPIC_ORDER).toEqual(TOPICS);
    expect(TOPICS).toContain('online-safety');
  });
});
