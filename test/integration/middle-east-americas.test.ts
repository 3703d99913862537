// Issue 14 end to end: one game offered in SA, AE, TR, BR, MX, CL, AR, CO and CA
// by a studio abroad with a US voice vendor: every covered market is evaluated,
// each law gives its transfer and breach duties per vendor region, and the dated
// provisions (Chile's Law 21.719 on 2026-12-01, Turkey's transfer rules on
// 2024-06-01) change right at their dates. Packs not yet in the library are
// reported as uncovered markets, never silent.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const loaded = new Set(lib.regulations.map((r) => r.id));
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const itemsOf = (r: Report, reg: string) => r.items.filter((i) => i.regulation === reg);

const MARKETS = ['SA', 'AE', 'TR', 'BR', 'MX', 'CL', 'AR', 'CO', 'CA'];
const PACK_OF: Record<string, string[]> = {
  SA: ['sa-pdpl'],
  AE: ['ae-pdpl'],
  TR: ['tr-kvkk'],
  BR: ['br-lgpd'],
  MX: ['mx-lfpdppp'],
  CL: ['cl-pdp'],
  AR: ['ar-pdpa'],
  CO: ['co-habeas-data'],
  CA: ['ca-pipeda', 'ca-qc-law25'],
};

const game: Flow = flow({
  controller: { name: 'Northwind Games Ltd', establishedIn: 'GB', annualRevenueUsd: 60e6, employees: 300 },
  markets: MARKETS.map((code) => ({ code, players: 120_000 })),
  audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
  data: [
    { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P2Y' },
    { id: 'voice', category: 'user.content.voice_chat', subjects: ['player'], retention: 'P0D' },
  ],
  systems: [{ id: 'backend', regions: ['IE'] }],
  vendors: [{ id: 'rtc', name: 'Acme RTC', role: 'processor', services: ['realtime-voice'], regions: ['US'] }],
  purposes: [
    { id: 'account', use: 'essential.service', data: ['email'], lawfulBasis: 'contract' },
    { id: 'voice-chat', use: 'functional.voice_chat', data: ['voice'], lawfulBasis: 'contract' },
  ],
  flows: [{ from: 'backend', to: 'rtc', data: ['voice'], purpose: 'voice-chat' }],
});

describe('a game offered in the Middle East and the Americas', () => {
  const r = check(lib, game, { asOf: '2026-12-04' });
  const s = status(r);

  it('evaluates every market a loaded pack covers, and names the others', () => {
    for (const m of MARKETS) {
      const packs = PACK_OF[m]!.filter((p) => loaded.has(p));
      if (packs.length === 0) expect(r.uncoveredMarkets, m).toContain(m);
      else {
        expect(r.uncoveredMarkets, m).not.toContain(m);
        for (const p of packs) expect(s[p], p).toBeDefined();
      }
    }
    for (const p of ['sa-pdpl', 'tr-kvkk', 'br-lgpd', 'mx-lfpdppp', 'ca-pipeda', 'ca-qc-law25']) expect(s[p], p).toBe('applies');
  });

  it('gives each law its transfer duty for the US vendor and its breach duty', () => {
    const transfer = (reg: string) => itemsOf(r, reg).some((i) => i.topic === 'transfer' && i.subject.id.startsWith('rtc'));
    const breach = (reg: string) => itemsOf(r, reg).some((i) => i.topic === 'breach-notification');
    for (const p of ['sa-pdpl', 'tr-kvkk', 'br-lgpd', 'ca-pipeda']) {
      expect(transfer(p), `${p} transfer`).toBe(true);
      expect(breach(p), `${p} breach`).toBe(true);
    }
    // Mexico: sending data to a processor (encargado) abroad is a remission, not a transfer.
    expect(transfer('mx-lfpdppp')).toBe(false);
    // The UAE's duties wait on its Executive Regulations: one item to confirm their status, no duty applying on a guess.
    expect(itemsOf(r, 'ae-pdpl').some((i) => i.rule === 'executive-regulations-commencement')).toBe(true);
    expect(itemsOf(r, 'ae-pdpl').some((i) => i.topic === 'breach-notification')).toBe(false);
  });

  it("Turkey's transfer rules change on 2024-06-01", () => {
    const rule = (asOf: string) =>
      itemsOf(check(lib, game, { asOf }), 'tr-kvkk')
        .filter((i) => i.topic === 'transfer' && i.determination === 'applies')
        .map((i) => i.rule);
    expect(rule('2024-05-31')).toContain('transfer-explicit-consent-before-2024');
    expect(rule('2024-05-31')).not.toContain('transfer-mechanism');
    expect(rule('2024-06-01')).toContain('transfer-mechanism');
  });

  it.runIf(loaded.has('cl-pdp'))("Chile's Law 21.719 applies from 2026-12-01 and is upcoming the day before", () => {
    const before = itemsOf(check(lib, game, { asOf: '2026-11-30' }), 'cl-pdp').filter((i) => i.inForce === '2026-12-01');
    const after = itemsOf(check(lib, game, { asOf: '2026-12-01' }), 'cl-pdp').filter((i) => i.inForce === '2026-12-01');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((i) => i.determination === 'upcoming')).toBe(true);
    expect(after.some((i) => i.determination === 'applies')).toBe(true);
  });
});

describe('precision', () => {
  it('a Brazilian studio hosting everything in Brazil gets no LGPD transfer item', () => {
    const br = flow({
      controller: { name: 'Samba Games Ltda', establishedIn: 'BR' },
      markets: [{ code: 'BR', players: 100_000 }],
      systems: [{ id: 'backend', regions: ['BR'] }],
      vendors: [{ id: 'v', name: 'Nuvem', role: 'processor', services: ['cloud'], regions: ['BR'] }],
    });
    const r = check(lib, br, { asOf: '2026-12-04' });
    expect(status(r)['br-lgpd']).toBe('applies');
    expect(itemsOf(r, 'br-lgpd').filter((i) => i.topic === 'transfer')).toEqual([]);
  });
  it('a studio not offering the game in Mexico, with nothing there, gets nothing from Mexico', () => {
    const r = check(lib, flow({ markets: [{ code: 'CA', players: 10_000 }] }), { asOf: '2026-12-04' });
    expect(itemsOf(r, 'mx-lfpdppp')).toEqual([]);
    expect(status(r)['mx-lfpdppp']).toBe('not-applicable');
  });
});
