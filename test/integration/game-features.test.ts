// Issue 15's done-means across the three feature-keyed laws and the age model:
// a 13+ game with loot boxes, text chat and shared content offered in BR, GB and
// the EU gets Brazil's loot-box ban, the UK children's duties and the DSA minors
// items; without loot boxes no loot-box item; with `features` omitted they are to
// confirm naming `features`. And a 13+ game with a neutral age gate and targeted
// ads gets the known-minor duties of every state law that has them, with no
// teen tag; with no age gate they are to confirm.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const AS_OF = '2026-12-04';
const find = (r: Report, reg: string, rule: string) => r.items.filter((i) => i.regulation === reg && i.rule === rule);

const game: Flow = flow({
  controller: { name: 'Forge Studio Ltd', establishedIn: 'GB', employees: 80, annualRevenueUsd: 15e6 },
  markets: [
    { code: 'BR', players: 50_000 },
    { code: 'GB', players: 40_000 },
    { code: 'EU', players: 60_000 },
  ],
  features: ['loot-boxes', 'text-chat', 'user-generated-content'],
  audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
});

describe('a 13+ game with loot boxes, text chat and shared content in BR, GB and the EU', () => {
  const r = check(lib, game, { asOf: AS_OF });
  it("gets Brazil's loot-box ban, the UK children's risk assessment and age assurance, and the DSA minors items", () => {
    expect(find(r, 'br-eca-digital', 'loot-box-ban').map((i) => i.determination)).toEqual(['applies']);
    expect(find(r, 'uk-osa', 'childrens-risk-assessment').map((i) => i.determination)).toEqual(['applies']);
    expect(find(r, 'uk-osa', 'highly-effective-age-assurance').map((i) => i.determination)).toEqual(['applies']);
    expect(find(r, 'eu-dsa-minors', 'minors-protection').map((i) => i.determination)).toEqual(['applies']);
  });
  it('without loot boxes, no loot-box item (the other duties stay)', () => {
    const without = check(lib, { ...game, features: ['text-chat', 'user-generated-content'] }, { asOf: AS_OF });
    expect(find(without, 'br-eca-digital', 'loot-box-ban')).toEqual([]);
    expect(find(without, 'uk-osa', 'childrens-risk-assessment')).toHaveLength(1);
  });
  it('with features omitted, the feature-keyed items are to confirm, naming features', () => {
    const { features: _unknown, ...rest } = game;
    void _unknown;
    const open = check(lib, rest as Flow, { asOf: AS_OF });
    for (const [reg, rule] of [['br-eca-digital', 'loot-box-ban'], ['uk-osa', 'childrens-risk-assessment'], ['eu-dsa-minors', 'minors-protection']] as const) {
      const it = find(open, reg, rule);
      expect(it.map((i) => i.determination), `${reg}/${rule}`).toEqual(['to-confirm']);
      expect(it[0]!.unknown, `${reg}/${rule}`).toContain('features');
    }
  });
});

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
      expect(found.every((i) => i.determination === 'applies' || i.determination === 'upcoming'), `${reg}/${rule}`).toBe(true);
    }
  });
  it('with no age gate they are to confirm, naming the age gate', () => {
    const r = check(lib, { ...ads, audience: { ...ads.audience, ageGate: 'none' } }, { asOf: AS_OF });
    for (const [reg, rule] of Object.entries(knownMinorRules)) {
      const found = find(r, reg, rule).filter((i) => i.determination !== 'upcoming');
      if (found.length === 0) continue; // a provision not yet in force on this date
      expect(found.map((i) => i.determination), `${reg}/${rule}`).toEqual(found.map(() => 'to-confirm'));
      expect(found[0]!.unknown, `${reg}/${rule}`).toContain('audience.ageGate');
    }
  });
});
