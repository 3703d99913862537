// Facts of the US state comprehensive privacy packs corrected in the second verification pass of issue 17
// (citations and parameter values read in the statute text). Each test fails if the wrong fact comes back.
import { describe, expect, it } from 'vitest';
import { regulationFile as pack, ruleFile as rule } from '../pack-files.js';

describe('US state privacy facts corrected in the second verification pass', () => {
  it('Delaware: the opt-out right is § 12D-104(a)(6), not (a)(5) (the list of third parties)', () => {
    const citation = rule('us-de-dpdpa', 'opt-out-targeted-advertising-sale').citation;
    expect(citation).toMatch(/12D-104\(a\)\(6\)/);
    expect(citation).not.toMatch(/12D-104\(a\)\(5\)/);
  });

  it('Delaware: § 12D-102(30) sensitive data has no national origin', () => {
    const sensitive = pack('us-de-dpdpa').parameters.sensitiveCategories;
    expect(sensitive?.description).toMatch(/racial or ethnic origin/);
    expect(sensitive?.description).not.toMatch(/national origin,/);
  });
});
