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

describe('uk-gdpr', () => {
  const sources = (r: { source?: unknown }) =>
    (r.source === undefined ? [] : Array.isArray(r.source) ? r.source : [r.source]) as Array<{ url: string; pinpoint: string }>;

  it('aadc-geolocation is verified only once standard 10 itself has been read', () => {
    const { rule: r } = rule('uk-gdpr', 'aadc-geolocation');
    if ((r.verification ?? 'verified') === 'verified') expect(sources(r).some((s) => /10-geolocation/.test(s.url))).toBe(true);
  });

  it('breach-notification-individuals is verified only once Art. 34(3) has been read', () => {
    const { rule: r } = rule('uk-gdpr', 'breach-notification-individuals');
    if ((r.verification ?? 'verified') === 'verified') expect(sources(r).some((s) => /34\(3\)/.test(s.pinpoint))).toBe(true);
  });

  it("Art. 25(1A)-(1B) children's higher protection matters is modelled, in force 5 February 2026 (SI 2026/82 reg. 2(k))", () => {
    const { rule: r } = rule('uk-gdpr', 'children-higher-protection-matters');
    expect(r.citation).toContain('Art. 25(1A)');
    expect(String(r.inForce)).toBe('2026-02-05');
  });
});
