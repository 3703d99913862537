import { describe, expect, it } from 'vitest';
import { coveredMarkets } from '../../src/core/coverage.js';
import { evaluate } from '../../src/core/assemble.js';
import { countryOf, keyMatches } from '../../src/core/taxonomy.js';
import { flow, regulation, rule, tax } from '../helpers.js';

describe('taxonomies', () => {
  it.each([
    'user.contact.email',
    'user.device.device_id',
    'user.device.ip_address',
    'user.device.advertising_id',
    'user.behavior.purchase_history',
    'user.behavior.gameplay',
    'user.content.voice_chat',
    'user.content.text_chat',
    'user.content.ai_conversation',
    'user.demographic.date_of_birth',
    'user.account.username',
    'user.biometric.voice',
    'user.location.precise',
  ])('has the data category %s', (key) => expect(tax.categoryKeys.has(key)).toBe(true));

  it.each([
    'essential.service',
    'essential.service.payment_processing',
    'functional.voice_chat',
    'functional.text_chat',
    'functional.ai_companion',
    'analytics.reporting',
    'marketing.advertising.third_party.targeted',
    'train_ai_system',
  ])('has the data use %s', (key) => expect(tax.useKeys.has(key)).toBe(true));

  it('has the vendor services and roles of the flow format', () => {
    for (const s of ['realtime-voice', 'analytics', 'advertising', 'cloud', 'payments', 'ai-model', 'support', 'anti-cheat'])
      expect(tax.serviceKeys.has(s)).toBe(true);
    expect([...tax.roleKeys].sort()).toEqual(['controller', 'joint-controller', 'processor', 'third-party']);
  });

  it('every key has its parent (a prefix matches its subtree)', () => {
    for (const keys of [tax.categoryKeys, tax.useKeys])
      for (const k of keys) {
        const parent = k.split('.').slice(0, -1).join('.');
        if (parent) expect(keys.has(parent), `${k} has no parent ${parent}`).toBe(true);
      }
    expect(keyMatches('user.biometric.voice', 'user.biometric')).toBe(true);
    expect(keyMatches('user.biometrics', 'user.biometric')).toBe(false);
  });

  it('market groups: EU 27, EEA 30, US 50 states and DC, SEA, UK as an alias of GB', () => {
    expect(tax.markets.leaves('EU').size).toBe(27);
    expect(tax.markets.leaves('EEA').size).toBe(30);
    expect(tax.markets.leaves('US').size).toBe(51);
    expect([...tax.markets.leaves('SEA')]).toEqual(expect.arrayContaining(['SG', 'TH', 'MY', 'PH', 'ID', 'VN']));
    expect(tax.markets.canonical('UK')).toBe('GB');
    expect([...tax.markets.countries('US-CA')]).toEqual(['US']);
  });

  it('CA stands for its 13 provinces and territories as a market, and for the country as a region', () => {
    const provinces = tax.markets.leaves('CA');
    expect([...provinces].sort()).toEqual([
      'CA-AB',
      'CA-BC',
      'CA-MB',
      'CA-NB',
      'CA-NL',
      'CA-NS',
      'CA-NT',
      'CA-NU',
      'CA-ON',
      'CA-PE',
      'CA-QC',
      'CA-SK',
      'CA-YT',
    ]);
    expect(tax.markets.leaves('CA-QC')).toEqual(new Set(['CA-QC']));
    expect(tax.markets.leafCodes()).toContain('CA-QC');
    expect(tax.markets.leafCodes()).not.toContain('CA');
    expect(tax.markets.leaves('GLOBAL').has('CA-QC')).toBe(true);
    expect([...tax.markets.countries('CA')]).toEqual(['CA']);
    expect([...tax.markets.countries('CA-QC')]).toEqual(['CA']);
    expect(countryOf('CA-ON')).toBe('CA');
    expect(countryOf('CA')).toBe('CA');
  });

  it('a pack for CA covers CA-QC; a pack for CA-QC covers Quebec only', () => {
    const federal = regulation([rule()], { id: 'ca-law', jurisdiction: 'CA', appliesWhen: { offeredIn: ['CA'] } });
    const quebec = regulation([rule()], { id: 'qc-law', jurisdiction: 'CA-QC', appliesWhen: { offeredIn: ['CA-QC'] } });
    expect(coveredMarkets([federal], tax.markets).has('CA-QC')).toBe(true);
    const qc = coveredMarkets([quebec], tax.markets);
    expect(qc.has('CA-QC')).toBe(true);
    expect(qc.has('CA-ON')).toBe(false);
  });

  it('a CA-QC market is inside CA: a CA law applies to a game offered only in Quebec', () => {
    const federal = regulation([rule()], { id: 'ca-law', jurisdiction: 'CA', appliesWhen: { offeredIn: ['CA'] } });
    const out = evaluate(flow({ markets: [{ code: 'CA-QC', players: 10 }] }), [federal], tax, { asOf: '2026-12-04', toolVersion: 'test' });
    expect(out.regulations[0]!.status).toBe('applies');
  });

  it('a CA-QC law is not applicable to a game offered only in CA-ON, and applies to a game offered in CA', () => {
    const quebec = regulation([rule()], { id: 'qc-law', jurisdiction: 'CA-QC', appliesWhen: { offeredIn: ['CA-QC'] } });
    const opts = { asOf: '2026-12-04', toolVersion: 'test' };
    const ontario = evaluate(flow({ markets: [{ code: 'CA-ON', players: 10 }] }), [quebec], tax, opts);
    expect(ontario.regulations[0]!.status).toBe('not-applicable');
    expect(ontario.items).toEqual([]);
    const canada = evaluate(flow({ markets: [{ code: 'CA', players: 10 }] }), [quebec], tax, opts);
    expect(canada.regulations[0]!.status).toBe('applies');
  });
});
