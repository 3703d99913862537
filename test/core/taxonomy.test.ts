import { describe, expect, it } from 'vitest';
import { keyMatches } from '../../src/core/taxonomy.js';
import { tax } from '../helpers.js';

describe('taxonomies', () => {
  it.each([
    'user.contact.email', 'user.device.device_id', 'user.device.ip_address', 'user.device.advertising_id',
    'user.behavior.purchase_history', 'user.behavior.gameplay', 'user.content.voice_chat', 'user.content.text_chat',
    'user.content.ai_conversation', 'user.demographic.date_of_birth', 'user.account.username', 'user.biometric.voice',
    'user.location.precise',
  ])('has the data category %s', (key) => expect(tax.categoryKeys.has(key)).toBe(true));

  it.each([
    'essential.service', 'essential.service.payment_processing', 'functional.voice_chat', 'functional.text_chat',
    'functional.ai_companion', 'analytics.reporting', 'marketing.advertising.third_party.targeted', 'train_ai_system',
  ])('has the data use %s', (key) => expect(tax.useKeys.has(key)).toBe(true));

  it('has the vendor services and roles of the flow format', () => {
    for (const s of ['realtime-voice', 'analytics', 'advertising', 'cloud', 'payments', 'ai-model', 'support', 'anti-cheat']) expect(tax.serviceKeys.has(s)).toBe(true);
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
});
