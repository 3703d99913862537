// Regression pins for facts of the EU and UK packs corrected in issue 17: each
// assertion fails if the wrong fact (a blanket sentence, a narrowed condition,
// an overstated label) comes back.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/library.js';

const lib = loadLibrary();
const rule = (pack: string, id: string) => {
  const reg = lib.regulations.find((r) => r.id === pack);
  const r = reg?.rules.find((x) => x.id === id);
  if (!r) throw new Error(`${pack}/${id} not found`);
  return { reg: reg!, rule: r };
};

describe('eu-eprivacy', () => {
  it('sdk-device-access-consent does not say analytics is never strictly necessary, and names the CNIL reading', () => {
    const { rule: r } = rule('eu-eprivacy', 'sdk-device-access-consent');
    expect(r.action).not.toMatch(/advertising and analytics are not strictly necessary/i);
    expect(r.action).toMatch(/CNIL/);
    expect(r.note).toMatch(/cnil\.fr\/fr\/node\/167364/);
  });

  it('sdk-device-access-consent covers crash-reporting and anti-cheat SDKs', () => {
    const { rule: r } = rule('eu-eprivacy', 'sdk-device-access-consent');
    expect(JSON.stringify(r.when)).toContain('crash-reporting');
    expect(JSON.stringify(r.when)).toContain('anti-cheat');
  });

});
