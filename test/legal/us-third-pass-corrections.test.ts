// Facts of the Alabama, Louisiana, Florida and Indiana packs corrected in the third verification pass of issue 17,
// read in section-by-section quotations of the statutes (the rules stay secondary). Each test fails if the wrong fact
// comes back.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulePath, ruleFile as rule } from '../pack-files.js';

describe('Alabama Personal Data Protection Act (Act No. 2026-552) corrections', () => {
  it('has no data protection assessment duty, so the pack has no assessment rule', () => {
    expect(existsSync(rulePath('us-al-apdpa', 'data-protection-assessment'))).toBe(false);
  });

  it('§ 5(d)(2): a declined request gets its reason within 45 days; the Act sets no appeal process', () => {
    const rights = rule('us-al-apdpa', 'rights-response');
    expect(rights.action).not.toMatch(/provide an appeal/i);
    expect(rights.evidence.join(' ')).not.toMatch(/appeal procedure/i);
    expect(rights.action).toMatch(/why/);
  });

  it('§ 8(b)(3): the processor contract terms do not include allowing assessments', () => {
    expect(rule('us-al-apdpa', 'processor-contract').action).not.toMatch(/assessments/);
  });

  it('§ 6(c)(1): opt-out signals are stated as the conflict rule, not as a general duty to honour them', () => {
    expect(rule('us-al-apdpa', 'universal-opt-out-signal').action).toMatch(/conflicts with/);
  });
});

describe('Louisiana Data Privacy Act (Act No. 502 of 2026) corrections', () => {
  it('§ 1780.3(E)(5)-(6): opt-out technology is an authorized agent the controller must verify, not an unconditional signal', () => {
    const signal = rule('us-la-ldpa', 'universal-opt-out-signal');
    expect(signal.citation).toMatch(/51:1780\.3\(E\)/);
    expect(signal.action).toMatch(/authorized agent/);
    expect(signal.action).toMatch(/commercially reasonable effort/);
  });

  it('§ 1780.5(D): the cure notice comes at least 30 days before an investigation, until 2027-07-31', () => {
    const cure = rule('us-la-ldpa', 'cure-period');
    expect(cure.action).toMatch(/before opening an investigation/);
    expect(cure.until).toBe('2027-08-01');
  });
});

describe('Florida § 501.1735(2) (children in online spaces) corrections', () => {
  it('(2)(b): profiling needs safeguards and either necessity or a compelling no-harm reason, not both limbs', () => {
    const action = rule('us-fl-fdbr', 'children-profiling').action;
    expect(action).toMatch(/safeguards/);
    expect(action).toMatch(/either the profiling is necessary/);
    expect(action).toMatch(/compelling reason/);
    expect(action).not.toMatch(/necessary to provide the game and posing no substantial harm/);
  });

  it('(2)(g): dark patterns are their own paragraph', () => {
    expect(rule('us-fl-fdbr', 'children-substantial-harm').citation).toMatch(/\(2\)\(a\), \(g\)/);
  });

  it('(2)(e): precise geolocation only for as long as necessary', () => {
    expect(rule('us-fl-fdbr', 'children-precise-geolocation').action).toMatch(/only for as long as it is necessary/);
  });
});

describe('Indiana IC 24-15-4-3 privacy notice correction', () => {
  it('has the five statutory items and no contact method; the sale disclosure is IC 24-15-4-4', () => {
    const notice = rule('us-in-icdpa', 'privacy-notice');
    expect(notice.action).not.toMatch(/contact method/i);
    expect(notice.citation).toMatch(/24-15-4-4/);
  });
});
