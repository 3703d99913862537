// Corrections found while recording evidence (issue 17): each pins the fact Apple's published text gives,
// so the wrong one cannot come back unnoticed.
import { describe, expect, it } from 'vitest';
import { ruleFile } from '../pack-files.js';

const rule = (id: string) => ruleFile('apple-app-store', id);

describe('apple-app-store corrections', () => {
  it('the privacy policy link must be easily accessible (5.1.1(i)); the guideline does not say "without an account"', () => {
    const { action } = rule('privacy-policy-link');
    expect(action).toContain('easily accessible');
    expect(action).not.toContain('without an account');
  });
});
