// Corrections found while recording evidence (issue 17): each pins the fact the official text gives,
// so the wrong one cannot come back unnoticed.
import { describe, expect, it } from 'vitest';
import { ruleFile as rule } from '../pack-files.js';

describe('ca-qc-law25 corrections', () => {
  it('the notice that information may be communicated outside Québec is in s. 8, second paragraph (LégisQuébec, as amended by 2021, c. 25, s. 107)', () => {
    const { citation } = rule('ca-qc-law25', 'outside-quebec-assessment');
    expect(citation).toContain('s. 8, second paragraph');
    expect(citation).not.toContain('s. 8, first paragraph');
  });

  it('the person in charge may delegate the function in writing to any person, not only a personnel member (P-39.1 s. 3.1, second paragraph)', () => {
    const { action } = rule('ca-qc-law25', 'privacy-officer');
    expect(action).toContain('to any person');
    expect(action).not.toContain('personnel member');
  });

  it('consent is clear, free and informed (P-39.1 s. 14 as replaced by 2021, c. 25, s. 110), not the former "manifest, free and enlightened"', () => {
    const { action } = rule('ca-qc-law25', 'minor-parental-consent');
    expect(action).toContain('clear, free and informed');
    expect(action).not.toMatch(/manifest|enlightened/);
  });

  it('portability covers information collected from the player, not created or inferred, unless serious practical difficulties (P-39.1 s. 27, third paragraph)', () => {
    const { action } = rule('ca-qc-law25', 'portability');
    expect(action).toContain('created or inferred');
    expect(action).toContain('serious practical');
  });

  it('the incident notice cites only what was read: P-39.1 ss. 3.5-3.7 and the Regulation s. 5, not its ss. 3-4 (the notice to the Commission, not read)', () => {
    const { citation } = rule('ca-qc-law25', 'confidentiality-incident-notice');
    expect(citation).toContain('ss. 3.5, 3.6, 3.7');
    expect(citation).not.toMatch(/ss\. 3-[45]/);
  });
});
