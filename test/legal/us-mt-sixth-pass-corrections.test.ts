// Montana facts corrected in the sixth verification pass of issue 17. Each test fails if the wrong fact comes back.
import { describe, expect, it } from 'vitest';
import { ruleFile as rule } from '../pack-files.js';

describe('Montana corrections (sixth pass)', () => {
  it('§ 30-14-1704: credit-agency coordination is subsection (7); (3) is the law-enforcement delay', () => {
    const cra = rule('us-mt-breach', 'notify-credit-agencies');
    expect(cra.citation).toBe('MCA § 30-14-1704(7)');
    expect(cra.citation).not.toMatch(/\(3\)/);
  });

  it('§ 30-14-2812(2)(d) (consent for ages 13-15) stays in force beside § 30-14-2811 (minors under 18)', () => {
    const minors = rule('us-mt-mcdpa', 'minor-consent');
    expect(minors.citation).toMatch(/30-14-2812\(2\)\(d\)/);
    expect(minors.citation).toMatch(/30-14-2811/);
    expect(minors.action).not.toMatch(/before then it covered ages 13 to 15/);
  });
});
