// Legal facts of US packs corrected under issue 17 that live in a rule's prose or citation, not in its
// condition (the condition fixes are pinned by the packs' own fixtures). Each test fails if the wrong
// fact comes back.
import { describe, expect, it } from 'vitest';
import { ruleFile as rule } from './pack-files.js';

describe('US legal facts corrected under issue 17', () => {
  it('COPPA: the online notice names the identities and specific categories of third parties (16 C.F.R. § 312.4(d)(2))', () => {
    const action = rule('us-coppa', 'notice').action;
    expect(action).toMatch(/identities and the specific categories/);
    expect(action).not.toMatch(/identities or (specific )?categories/);
  });

  it('Nebraska: the § 87-1113 notice has its six items, no contact method and no sale disclosure, which is § 87-1114', () => {
    const notice = rule('us-ne-ndpa', 'privacy-notice');
    expect(notice.citation).toBe('Neb. Rev. Stat. § 87-1113');
    expect(notice.action).not.toMatch(/contact method/i);
    expect(notice.action).toMatch(/\(6\)/);
    expect(rule('us-ne-ndpa', 'opt-out-targeted-ads-sale').citation).toMatch(/87-1114/);
  });

  it('NY § 1701 crisis protocol was read only in quotations: secondary, not verified', () => {
    expect(rule('us-ny-ai-companion', 'crisis-protocol').verification).toBe('secondary');
  });

  it('BIPA § 15(e) reasonable care is verified only on a whole copy of the Act, named in the note, with its pinpoint', () => {
    const care = rule('us-il-bipa', 'biometric-reasonable-care');
    expect(care.verification).toBe('verified');
    expect(care.source?.pinpoint).toMatch(/14\/15\(e\)/);
    expect(care.note).toMatch(/whole Act .* verbatim copy/s);
  });
});
