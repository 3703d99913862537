// Legal facts of the US breach packs corrected under issue 17 (third and sixth passes) that live in a rule's citation or
// prose, not in its condition. Each test fails if the wrong fact comes back.
import { describe, expect, it } from 'vitest';
import { regulationFile as regulation, ruleFile as rule } from './pack-files.js';

describe('US breach facts corrected under issue 17', () => {
  it('New Mexico § 57-12C-6: (B) is the risk-of-harm exception, (C) the vendor-to-owner duty', () => {
    expect(rule('us-nm-breach', 'vendor-notify-owner').citation).toBe('NMSA § 57-12C-6(C)');
    expect(rule('us-nm-breach', 'notify-residents').citation).toBe('NMSA § 57-12C-6(A)-(B)');
  });

  it('South Dakota: consumer reporting agencies are told of every notified breach (§ 22-40-24), no 1,000 threshold', () => {
    const cra = rule('us-sd-breach', 'notify-credit-agencies');
    expect(cra.citation).toBe('SDCL § 22-40-24');
    expect(cra.action).not.toMatch(/1,000|1000/);
  });

  it('Maine chapter 210-B took effect January 31, 2006 (PL 2005, c. 379, sec. 4), not January 1, 2006', () => {
    expect(String(regulation('us-me-breach').inForce)).toBe('2006-01-31');
  });

  it('Kansas breach sections took effect on publication in the 2006 statute book (S.B. 196 sec. 17), not the freeze date 2007-01-01', () => {
    expect(String(regulation('us-ks-breach').inForce)).toBe('2006-07-01');
  });
});
