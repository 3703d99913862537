// Issue 14 (Saudi Arabia and the UAE): a game offered in SA and AE through `check`: which law applies, transfers
// per vendor region only when data leaves the country, the Saudi 72-hour breach notice, and the UAE's pending
// Executive Regulations reported as one commencement item, never as duties applying on a guess.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const itemsOf = (r: Report, reg: string) => r.items.filter((i) => i.regulation === reg);

const gulf: Flow = flow({
  controller: { name: 'Oasis Games Ltd', establishedIn: 'GB' },
  markets: [
    { code: 'SA', players: 200_000 },
    { code: 'AE', players: 80_000 },
  ],
  audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
  data: [
    { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P2Y' },
    { id: 'telemetry', category: 'user.behavior.gameplay', subjects: ['player'], retention: 'P1Y' },
  ],
  systems: [{ id: 'backend', regions: ['SA'] }],
  vendors: [
    { id: 'cloud', name: 'CloudCo', role: 'processor', services: ['cloud'], regions: ['SA'] },
    { id: 'stats', name: 'StatsCo', role: 'processor', services: ['analytics'], regions: ['US'] },
  ],
  purposes: [
    { id: 'account', use: 'essential.service', data: ['email'], lawfulBasis: 'contract' },
    { id: 'analytics', use: 'analytics.reporting', data: ['telemetry'], lawfulBasis: 'legitimate-interests' },
  ],
  flows: [
    { from: 'backend', to: 'cloud', data: ['email'], purpose: 'account' },
    { from: 'backend', to: 'stats', data: ['telemetry'], purpose: 'analytics' },
  ],
});

describe('a game offered in Saudi Arabia and the UAE by a UK studio', () => {
  const r = check(lib, gulf, { asOf: '2026-12-04' });

  it('applies both laws and leaves neither market uncovered', () => {
    expect(status(r)['sa-pdpl']).toBe('applies');
    expect(status(r)['ae-pdpl']).toBe('applies');
    expect(r.uncoveredMarkets ?? []).not.toEqual(expect.arrayContaining(['SA']));
    expect(r.uncoveredMarkets ?? []).not.toEqual(expect.arrayContaining(['AE']));
  });

  it('judges a transfer only for the vendor outside each country', () => {
    const sa = itemsOf(r, 'sa-pdpl')
      .filter((i) => i.topic === 'transfer')
      .map((i) => i.id);
    expect(sa).toEqual(expect.arrayContaining(['sa-pdpl/transfer-safeguards/transfer:stats@US', 'sa-pdpl/transfer-risk-assessment/transfer:stats@US']));
    expect(sa.some((id) => id.includes('cloud@'))).toBe(false);
    // CloudCo is in SA, outside the UAE: a UAE readiness item names it, the US vendor too.
    const ae = itemsOf(r, 'ae-pdpl')
      .filter((i) => i.topic === 'transfer')
      .map((i) => i.id)
      .sort();
    expect(ae).toEqual(['ae-pdpl/transfer-readiness/transfer:cloud@SA', 'ae-pdpl/transfer-readiness/transfer:stats@US']);
  });

  it('sets the Saudi 72-hour breach notice, a guardian for players under 18 and a DPO for monitoring', () => {
    const sa = itemsOf(r, 'sa-pdpl');
    expect(sa.find((i) => i.rule === 'breach-notification-authority')?.deadline?.within).toBe('PT72H');
    expect(sa.some((i) => i.rule === 'guardian-consent' && i.determination === 'applies')).toBe(true);
    expect(sa.some((i) => i.rule === 'dpo')).toBe(true);
  });

  it('reports the UAE duties through the commencement item, not as duties that apply', () => {
    const rules = new Set(itemsOf(r, 'ae-pdpl').map((i) => i.rule));
    expect(rules.has('executive-regulations-commencement')).toBe(true);
    expect([...rules].every((id) => ['executive-regulations-commencement', 'transfer-readiness', 'free-zone-check'].includes(id))).toBe(true);
  });

  it('gives an 18+ game no guardian item, and a game before 2023-09-14 only upcoming Saudi items', () => {
    const adult = check(lib, { ...gulf, audience: { ...gulf.audience!, minimumAge: 18 } }, { asOf: '2026-12-04' });
    expect(itemsOf(adult, 'sa-pdpl').some((i) => i.rule === 'guardian-consent')).toBe(false);
    const early = check(lib, gulf, { asOf: '2023-09-13' });
    expect(itemsOf(early, 'sa-pdpl').every((i) => i.determination === 'upcoming')).toBe(true);
  });
});

describe('precision: a studio with nothing in Saudi Arabia or the UAE', () => {
  it('gets nothing from either law when the game is not offered there', () => {
    const elsewhere = flow({ ...gulf, markets: [{ code: 'JP', players: 10_000 }], systems: [{ id: 'backend', regions: ['JP'] }] });
    const r = check(lib, elsewhere, { asOf: '2026-12-04' });
    expect(status(r)['sa-pdpl']).toBe('not-applicable');
    expect(status(r)['ae-pdpl']).toBe('not-applicable');
    expect(itemsOf(r, 'sa-pdpl')).toHaveLength(0);
    expect(itemsOf(r, 'ae-pdpl')).toHaveLength(0);
  });

  it('gives no Saudi transfer item when every vendor processes in the Kingdom', () => {
    const local = flow({ ...gulf, vendors: gulf.vendors!.map((v) => ({ ...v, regions: ['SA'] })) });
    const r = check(lib, local, { asOf: '2026-12-04' });
    expect(itemsOf(r, 'sa-pdpl').filter((i) => i.topic === 'transfer')).toHaveLength(0);
  });
});
