// Issue 4: a Southeast Asian launch and an EU game with AI characters through
// `check`: applicability, key obligations, transfers judged per law and per
// vendor region, and the AI Act's Art. 50 date.
import { describe, expect, it } from 'vitest';
import { check, loadLibrary } from '../../src/library.js';
import type { Flow, Report } from '../../src/core/types.js';
import { flow } from '../helpers.js';

const lib = loadLibrary();
const status = (r: Report) => Object.fromEntries(r.regulations.map((x) => [x.id, x.status]));
const ruleIds = (r: Report, reg: string) => new Set(r.items.filter((i) => i.regulation === reg).map((i) => i.rule));

describe('a Southeast Asian launch by a Singapore studio with a US voice vendor', () => {
  const sea: Flow = flow({
    controller: { name: 'Lion Games Pte Ltd', establishedIn: 'SG', annualRevenueUsd: 5e6, employees: 40, dpo: null },
    markets: ['SG', 'TH', 'MY', 'PH', 'ID', 'VN'].map((code) => ({ code, players: 50_000 })),
    data: [
      { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P2Y' },
      { id: 'voice', category: 'user.content.voice_chat', subjects: ['player'], retention: 'P0D' },
    ],
    systems: [{ id: 'backend', regions: ['SG'] }],
    vendors: [{ id: 'rtc', name: 'Acme RTC', role: 'processor', services: ['realtime-voice'], regions: ['US'] }],
    purposes: [
      { id: 'account', use: 'essential.service', data: ['email'], lawfulBasis: 'contract' },
      { id: 'voice-chat', use: 'functional.voice_chat', data: ['voice'], lawfulBasis: 'contract' },
    ],
    flows: [{ from: 'backend', to: 'rtc', data: ['voice'], purpose: 'voice-chat' }],
  });
  const r = check(lib, sea, { asOf: '2026-11-25' });
  const s = status(r);

  it('applies the laws of the markets where the game is offered', () => {
    for (const id of ['sg-pdpa', 'th-pdpa', 'ph-dpa', 'id-pdp', 'vn-pdpl']) expect(s[id], id).toBe('applies');
  });

  it("does not apply Malaysia's PDPA to a studio neither established nor processing there (s. 2)", () => {
    expect(s['my-pdpa']).toBe('not-applicable');
    const withMyServer = check(lib, { ...sea, systems: [{ id: 'backend', regions: ['MY'] }] }, { asOf: '2026-11-25' });
    expect(status(withMyServer)['my-pdpa']).toBe('applies');
  });

  it('judges the US vendor as a transfer under each law, each with its own rule', () => {
    for (const id of ['sg-pdpa', 'th-pdpa', 'id-pdp', 'vn-pdpl', 'ph-dpa']) {
      const transfers = r.items.filter((i) => i.regulation === id && i.topic === 'transfer');
      expect(transfers.length, id).toBeGreaterThan(0);
      expect(
        transfers.some((i) => i.subject.id.startsWith('rtc')),
        id,
      ).toBe(true);
    }
    expect(r.items.some((i) => i.regulation === 'sg-pdpa' && i.subject.id === 'rtc@US')).toBe(true);
  });

  it('sets each breach deadline, and the matrix names the strictest', () => {
    for (const id of ['sg-pdpa', 'th-pdpa', 'ph-dpa', 'id-pdp', 'vn-pdpl']) expect(ruleIds(r, id).has('breach-notification-authority'), id).toBe(true);
    const breach = r.matrix.find((m) => m.topic === 'breach-notification')!;
    expect(breach.strictest?.within).toMatch(/^(PT72H|P3D)$/);
    expect(breach.strictest?.jurisdictions).toEqual(expect.arrayContaining(['TH', 'PH', 'ID', 'VN', 'SG']));
  });

  it('asks for a DPO where the law requires one', () => {
    expect(ruleIds(r, 'sg-pdpa').has('dpo')).toBe(true);
    expect(ruleIds(r, 'id-pdp').has('dpo') || ruleIds(r, 'ph-dpa').has('dpo')).toBe(true);
  });

  it('the GDPR and US laws stay out of a game not offered there', () => {
    expect(s['eu-gdpr']).toBe('not-applicable');
    expect(s['us-ca-ccpa']).toBe('not-applicable');
  });
});

describe('an EU game with AI characters, before and after the AI Act Art. 50 date', () => {
  const eu: Flow = flow({
    controller: { name: 'Studio', establishedIn: 'SG', euRepresentative: null },
    markets: [{ code: 'EU', players: 400_000 }],
    audience: { minimumAge: 13, childDirected: 'no', ageGate: 'neutral', knownChildren: false },
    data: [{ id: 'chat', category: 'user.content.ai_conversation', subjects: ['player', 'child'], retention: 'P30D' }],
    vendors: [{ id: 'llm', name: 'Cortex AI', role: 'processor', services: ['ai-model'], regions: ['US'], dpfCertified: false }],
    purposes: [{ id: 'companion', use: 'functional.ai_companion', data: ['chat'], lawfulBasis: 'consent' }],
    flows: [{ from: 'backend', to: 'llm', data: ['chat'], purpose: 'companion' }],
  });

  it('before 2026-08-02, Art. 50(1) is upcoming while Art. 5 and Art. 4 already apply', () => {
    const r = check(lib, eu, { asOf: '2026-07-01' });
    const ai = r.items.filter((i) => i.regulation === 'eu-ai-act');
    const disclosure = ai.find((i) => i.rule === 'ai-interaction-disclosure')!;
    expect(disclosure.determination).toBe('upcoming');
    expect(disclosure.inForce).toBe('2026-08-02');
    expect(ai.find((i) => i.rule === 'ai-literacy')?.determination).toBe('applies');
  });

  it('from 2026-08-02, Art. 50(1) applies', () => {
    const r = check(lib, eu, { asOf: '2026-08-02' });
    expect(r.items.find((i) => i.rule === 'ai-interaction-disclosure')?.determination).toBe('applies');
  });

  it('GDPR: representative, parental consent under the strictest member-state age, SCCs for the US vendor', () => {
    const r = check(lib, eu, { asOf: '2026-11-25' });
    const ids = r.items.filter((i) => i.regulation === 'eu-gdpr').map((i) => i.id);
    expect(ids).toContain('eu-gdpr/representative');
    expect(ids).toContain('eu-gdpr/child-consent/purpose:companion');
    expect(ids).toContain('eu-gdpr/transfer-mechanism/transfer:llm@US');
    expect(r.items.find((i) => i.id === 'eu-gdpr/child-consent/purpose:companion')!.title).toContain('16');
    // a certified vendor moves the transfer onto the Data Privacy Framework rule
    const dpf = check(lib, { ...eu, vendors: [{ ...eu.vendors[0]!, dpfCertified: true }] }, { asOf: '2026-11-25' });
    const dpfIds = dpf.items.filter((i) => i.regulation === 'eu-gdpr' && i.topic === 'transfer').map((i) => i.rule);
    expect(dpfIds).toEqual(['transfer-dpf']);
  });

  it('offered only in Belgium, the Art. 8 age is 13, so a 13+ game needs no parental consent', () => {
    const be = check(lib, { ...eu, markets: [{ code: 'BE', players: 50_000 }] }, { asOf: '2026-11-25' });
    expect(be.items.some((i) => i.id === 'eu-gdpr/child-consent/purpose:companion')).toBe(false);
  });
});
