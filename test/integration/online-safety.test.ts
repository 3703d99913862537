// Issue 15: what players can do decides the UK Online Safety Act and the DSA's minors provisions. A 13+ game with
// loot boxes, text chat and shared content offered in the UK and the EU gets the UK children's duties and the DSA
// minors items; with `features` omitted they are to confirm naming `features`; with none, nothing.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const AS_OF = '2026-12-04';
const PACKS = ['uk-osa', 'eu-dsa-minors'];
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const items = (r: Report, reg: string) => r.items.filter((i) => i.regulation === reg);
const determinations = (r: Report, reg: string) => Object.fromEntries(items(r, reg).map((i) => [i.rule, i.determination]));

const game: Flow = flow({
  controller: { name: 'Forge Studio Ltd', establishedIn: 'GB', employees: 80, annualRevenueUsd: 15e6 },
  markets: [
    { code: 'GB', players: 40_000 },
    { code: 'EU', players: 60_000 },
  ],
  features: ['loot-boxes', 'text-chat', 'user-generated-content'],
  data: [{ id: 'adid', category: 'user.device.advertising_id', subjects: ['player'], retention: 'P1Y' }],
  vendors: [{ id: 'adnet', name: 'AdNet', role: 'controller', services: ['advertising'], regions: ['IE'] }],
  purposes: [{ id: 'ads', use: 'marketing.advertising.third_party.targeted', data: ['adid'], lawfulBasis: 'consent' }],
  flows: [{ from: 'backend', to: 'adnet', data: ['adid'], purpose: 'ads' }],
});

describe('a 13+ game with loot boxes, text chat and shared content offered in the UK and the EU', () => {
  const r = check(lib, game, { asOf: AS_OF });

  it('applies both packs', () => {
    for (const id of PACKS) expect(status(r)[id], id).toBe('applies');
  });

  it("lists the UK children's risk assessment, safety duties and age assurance as applying", () => {
    const uk = determinations(r, 'uk-osa');
    for (const rule of [
      'childrens-access-assessment',
      'childrens-risk-assessment',
      'childrens-safety-duties',
      'highly-effective-age-assurance',
      'illegal-content-risk-assessment',
    ])
      expect(uk[rule], rule).toBe('applies');
  });

  it('lists the DSA minors items, including the ban on profiling ads to known minors', () => {
    const eu = determinations(r, 'eu-dsa-minors');
    for (const rule of ['minors-protection', 'no-profiling-ads-to-minors', 'notice-and-action']) expect(eu[rule], rule).toBe('applies');
  });

  it('gives the same items as to confirm, naming features, when the flow does not list features', () => {
    const rest = { ...game };
    delete rest.features;
    const unknown = check(lib, rest as Flow, { asOf: AS_OF });
    for (const id of PACKS) {
      expect(items(unknown, id).length, id).toBe(items(r, id).length);
      for (const i of items(unknown, id)) {
        expect(i.determination, i.id).toBe('to-confirm');
        expect(i.unknown, i.id).toEqual(['features']);
      }
    }
  });

  it('gives nothing when the game has no player-to-player features', () => {
    const none = check(lib, { ...game, features: ['loot-boxes', 'in-app-purchases'] }, { asOf: AS_OF });
    for (const id of PACKS) {
      expect(status(none)[id], id).toBe('not-applicable');
      expect(items(none, id), id).toEqual([]);
    }
  });

  it('gives nothing where the game is not offered', () => {
    const elsewhere = check(lib, { ...game, markets: [{ code: 'US-CA', players: 40_000 }] }, { asOf: AS_OF });
    for (const id of PACKS) expect(items(elsewhere, id), id).toEqual([]);
  });

  it("keeps the UK children's duties off an 18+ game but not its illegal content duties", () => {
    const adult = check(lib, { ...game, audience: { ...game.audience, minimumAge: 18 } }, { asOf: AS_OF });
    const uk = determinations(adult, 'uk-osa');
    expect(uk['childrens-risk-assessment']).toBeUndefined();
    expect(uk['highly-effective-age-assurance']).toBeUndefined();
    expect(uk['illegal-content-risk-assessment']).toBe('applies');
    expect(determinations(adult, 'eu-dsa-minors')['no-profiling-ads-to-minors']).toBeUndefined();
  });
});
