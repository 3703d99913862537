// Issue 15's age model: a 13+ game with a neutral age gate and targeted ads
// gets the known-minor duties of every state law that has them, with no teen
// tag; with no age gate they are to confirm. (The feature-keyed laws' case, loot
// boxes in BR, GB and the EU, is a scenario: test/scenarios/loot-boxes-br-gb-eu.yaml.)
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const AS_OF = '2026-12-04';
const find = (r: Report, reg: string, rule: string) => r.items.filter((i) => i.regulation === reg && i.rule === rule);

describe('the age model in the US state laws', () => {
  const states = ['US-OR', 'US-DE', 'US-CT', 'US-CO', 'US-MT', 'US-NJ', 'US-NH', 'US-MN'];
  const knownMinorRules: Record<string, string> = {
    'us-or-ocpa': 'minor-targeted-advertising-sale',
    'us-de-dpdpa': 'teen-consent',
    'us-ct-ctdpa': 'minor-targeted-advertising-sale',
    'us-co-cpa': 'minor-consent',
    'us-mt-mcdpa': 'minor-consent',
    'us-nj-njdpa': 'teen-targeted-ads-sale-consent',
    'us-nh-nhpa': 'teen-targeted-ads-sale-consent',
    'us-mn-mcdpa': 'teen-targeted-ads-sale-consent',
  };
  // Big enough for every state's thresholds; no data tagged child or teen.
  const ads: Flow = flow({
    controller: { name: 'Big Studio Inc', establishedIn: 'US', annualRevenueUsd: 900e6, employees: 2000, revenueShareFromDataSales: 0.6, smallBusiness: false },
    markets: states.map((code) => ({ code, players: 400_000 })),
    audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
    data: [{ id: 'adid', category: 'user.device.advertising_id', subjects: ['player'], retention: 'P1Y' }],
    vendors: [{ id: 'adnet', name: 'AdNet', role: 'third-party', services: ['advertising'], regions: ['US'] }],
    purposes: [{ id: 'ads', use: 'marketing.advertising.third_party.targeted', data: ['adid'], lawfulBasis: 'consent' }],
    flows: [{ from: 'backend', to: 'adnet', data: ['adid'], purpose: 'ads' }],
  });
  it('a neutral age gate gives the known-minor duties of every such state law, with no teen tag', () => {
    const r = check(lib, ads, { asOf: AS_OF });
    for (const [reg, rule] of Object.entries(knownMinorRules)) {
      const found = find(r, reg, rule);
      expect(found.length, `${reg}/${rule}`).toBeGreaterThan(0);
      expect(
        found.every((i) => i.determination === 'applies' || i.determination === 'upcoming'),
        `${reg}/${rule}`,
      ).toBe(true);
    }
  });
  it('with no age gate they are to confirm, naming the age gate', () => {
    const r = check(lib, { ...ads, audience: { ...ads.audience, ageGate: 'none' } }, { asOf: AS_OF });
    for (const [reg, rule] of Object.entries(knownMinorRules)) {
      const found = find(r, reg, rule).filter((i) => i.determination !== 'upcoming');
      if (found.length === 0) continue; // a provision not yet in force on this date
      expect(
        found.map((i) => i.determination),
        `${reg}/${rule}`,
      ).toEqual(found.map(() => 'to-confirm'));
      expect(found[0]!.unknown, `${reg}/${rule}`).toContain('audience.ageGate');
    }
  });
});
