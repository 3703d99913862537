// Issue 3: a multi-state US launch through `check`, state by state, with
// threshold edges, unknown counts, size-independent laws and future laws.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const usGame = (over: Partial<Flow> = {}): Flow =>
  flow({
    controller: { name: 'Studio', establishedIn: 'US', annualRevenueUsd: 42_000_000, smallBusiness: false, revenueShareFromDataSales: 0 },
    audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
    markets: [
      { code: 'US-CA', players: 150_000 },
      { code: 'US-VA', players: 100_000 }, // at the VCDPA threshold
      { code: 'US-CO', players: 99_999 }, // one below the CPA threshold
      { code: 'US-TX', players: 5_000 }, // Texas has no consumer-count threshold
      { code: 'US-UT' }, // count unknown
      { code: 'US-OK', players: 150_000 }, // a law that starts 2027-01-01
    ],
    ...over,
  });
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const run = (f: Flow, asOf = '2026-11-25') => check(lib, f, { asOf });

describe('US state applicability', () => {
  const r = run(usGame());
  const s = status(r);

  it('applies California on revenue, Virginia at its threshold, not Colorado one below', () => {
    expect(s['us-ca-ccpa']).toBe('applies');
    expect(s['us-va-vcdpa']).toBe('applies');
    expect(s['us-co-cpa']).toBe('not-applicable');
  });

  it('applies Texas to any business that is not small, whatever its count', () => {
    expect(s['us-tx-tdpsa']).toBe('applies');
    expect(r.items.filter((i) => i.regulation === 'us-tx-tdpsa').map((i) => i.rule)).toContain('rights-response');
  });

  it('binds a small business in Texas only by the sensitive-data sale consent rule (§ 541.107)', () => {
    const tiny = usGame({
      controller: { name: 'Tiny', establishedIn: 'US', smallBusiness: true, annualRevenueUsd: 1e6, revenueShareFromDataSales: 0 },
      data: [{ id: 'loc', category: 'user.location.precise', subjects: ['player'] }],
      vendors: [{ id: 'broker', name: 'Broker', role: 'third-party', services: ['advertising'], regions: ['US'], sellsOrShares: true }],
      purposes: [{ id: 'sale', use: 'marketing.advertising.third_party.targeted', data: ['loc'] }],
      flows: [{ from: 'backend', to: 'broker', data: ['loc'], purpose: 'sale' }],
    });
    const rules = new Set(
      run(tiny)
        .items.filter((i) => i.regulation === 'us-tx-tdpsa')
        .map((i) => i.rule),
    );
    expect([...rules]).toEqual(['small-business-sensitive-data-sale']);
  });

  it('leaves Utah undetermined, naming the missing count', () => {
    expect(s['us-ut-ucpa']).toBe('undetermined');
    expect(r.regulations.find((x) => x.id === 'us-ut-ucpa')!.unknown).toContain('markets[US-UT].players');
    expect(r.items.filter((i) => i.regulation === 'us-ut-ucpa').every((i) => i.determination !== 'applies')).toBe(true);
  });

  it('does not apply laws of states where the game is not offered', () => {
    for (const id of ['us-ct-ctdpa', 'us-nj-njdpa', 'us-or-ocpa', 'us-md-modpa']) expect(s[id]).toBe('not-applicable');
  });

  it('shows a law with a later start as not yet in force, and applying after its date', () => {
    expect(s['us-ok-ocdpa']).toBe('not-yet-in-force');
    expect(r.items.filter((i) => i.regulation === 'us-ok-ocdpa').every((i) => i.determination === 'upcoming')).toBe(true);
    expect(status(run(usGame(), '2027-01-02'))['us-ok-ocdpa']).toBe('applies');
  });

  it('a US-wide count too small for a state threshold decides it without a per-state count', () => {
    const f = usGame({ markets: [{ code: 'US', players: 50_000 }] });
    const st = status(run(f));
    expect(st['us-va-vcdpa']).toBe('not-applicable');
    expect(st['us-ca-ccpa']).toBe('applies'); // the revenue prong needs no count
  });

  it('COPPA follows the audience, not the size', () => {
    expect(s['us-coppa']).toBe('not-applicable');
    const mixed = status(run(usGame({ audience: { minimumAge: 0, childDirected: 'mixed', ageGate: 'neutral', knownChildren: false } })));
    expect(mixed['us-coppa']).toBe('applies');
    const known = status(run(usGame({ audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: true } })));
    expect(known['us-coppa']).toBe('applies');
  });

  it('CCPA opt-in for under-16s fires when the terms admit teens and data is sold or shared', () => {
    const f = usGame({
      vendors: [{ id: 'ads', name: 'Ads', role: 'third-party', services: ['advertising'], regions: ['US'], sellsOrShares: true }],
      purposes: [{ id: 'ads', use: 'marketing.advertising.third_party.targeted', data: ['email'], lawfulBasis: 'consent' }],
      flows: [{ from: 'backend', to: 'ads', data: ['email'], purpose: 'ads' }],
    });
    const topics = new Set(
      run(f)
        .items.filter((i) => i.regulation === 'us-ca-ccpa')
        .map((i) => i.topic),
    );
    expect(topics.has('children')).toBe(true);
    expect(topics.has('opt-out')).toBe(true);
  });
});
