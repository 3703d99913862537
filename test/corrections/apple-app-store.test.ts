// Corrections found while recording evidence (issue 17): each pins the fact Apple's published text gives,
// so the wrong one cannot come back unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/load/paths.js';

const rule = (id: string) => parse(readFileSync(join(PACKAGE_ROOT, 'regulations', 'apple-app-store', 'rules', `${id}.yaml`), 'utf8')) as { action: string };

describe('apple-app-store corrections', () => {
  it('the privacy policy link must be easily accessible (5.1.1(i)); the guideline does not say "without an account"', () => {
    const { action } = rule('privacy-policy-link');
    expect(action).toContain('easily accessible');
    expect(action).not.toContain('without an account');
  });
});
