// Correction found while recording evidence (issue 17): pins what Chapter 518 of 2017 (HB 974) enacted for
// Md. Code, Com. Law § 14-3506(a), so the struck 30-day limit cannot come back unnoticed.
import { describe, expect, it } from 'vitest';
import { ruleFile } from '../pack-files.js';

const rule = (id: string) => ruleFile('us-md-breach', id);

describe('us-md-breach corrections', () => {
  it('credit agencies are told without unreasonable delay; the 30-day limit was struck from HB 974 before enactment', () => {
    const { action, deadline } = rule('notify-credit-agencies');
    expect(action).toContain('without unreasonable delay');
    expect(action).not.toMatch(/at the latest 30 days/);
    expect(deadline).toBeUndefined();
  });
});
