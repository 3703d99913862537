// complyflow stores: the mappings (both ways) and the answers derived from the flow.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dataTypeOf, purposeOf, storeAnswers, storesForPlatforms, type AppleAnswers, type PlayAnswers, type StoreMapping } from '../../src/core/stores.js';
import { loadStoreMapping } from '../../src/load/stores.js';
import { loadFlow } from '../../src/load/flow.js';
import { loadLibraryFromSources, check } from '../../src/library.js';
import type { Flow } from '../../src/core/types.js';
import { tax } from '../helpers.js';
import { EXAMPLE, ROOT } from '../cli/run.js';

function mapping(store: 'play' | 'apple'): StoreMapping {
  const r = loadStoreMapping(store, tax);
  expect(r.issues).toEqual([]);
  return r.mapping!;
}
const play = mapping('play');
const apple = mapping('apple');

function fixture(file: string): Flow {
  const r = loadFlow(file, tax);
  expect(r.issues).toEqual([]);
  return r.flow!;
}
const FIXTURES = join(ROOT, 'test', 'fixtures', 'stores');

function answers(flow: Flow): { play: PlayAnswers; apple: AppleAnswers } {
  const r = storeAnswers(flow, [play, apple], ['play', 'apple']);
  return { play: r.stores[0] as PlayAnswers, apple: r.stores[1] as AppleAnswers };
}

describe('store mappings, complyflow → store', () => {
  for (const m of [play, apple]) {
    it(`${m.store}: every data category answers as one of the store's data types`, () => {
      const missing = [...tax.categoryKeys].filter((c) => !dataTypeOf(m, c));
      expect(missing).toEqual([]);
    });
    it(`${m.store}: every data use answers as one of the store's purposes`, () => {
      const missing = [...tax.useKeys].filter((u) => !purposeOf(m, u));
      expect(missing).toEqual([]);
    });
  }
  it('reads the closest listed prefix', () => {
    expect(dataTypeOf(play, 'user.contact.address.city')?.type.id).toBe('PSL_ADDRESS');
    expect(dataTypeOf(play, 'user.device.advertising_id')?.type.id).toBe('PSL_DEVICE_ID');
    expect(dataTypeOf(apple, 'user.device.advertising_id')?.type.id).toBe('device-id');
    expect(purposeOf(play, 'marketing.advertising.third_party.targeted')?.purpose.id).toBe('PSL_ADVERTISING');
    expect(purposeOf(apple, 'marketing.advertising.third_party.targeted')?.purpose.id).toBe('third-party-advertising');
    expect(purposeOf(apple, 'marketing.communications.email')?.purpose.id).toBe('developers-advertising');
    expect(purposeOf(play, 'essential.service.authentication')?.purpose.id).toBe('PSL_ACCOUNT_MANAGEMENT');
  });
  it('marks closest fits to confirm', () => {
    expect(purposeOf(play, 'sales')?.confirm).toBe(true);
    expect(purposeOf(play, 'analytics.reporting')?.confirm).toBe(false);
    expect(dataTypeOf(play, 'user.device.ip_address')?.confirm).toBe(true);
  });
});

describe('store mappings, store → complyflow', () => {
  for (const m of [play, apple]) {
    it(`${m.store}: every store data type is reached by a category or says why none`, () => {
      for (const t of m.dataTypes) {
        const reached = [...tax.categoryKeys].some((c) => dataTypeOf(m, c)?.type.id === t.id);
        expect({ id: t.id, reached, why: t.noCategory !== undefined }).toEqual({ id: t.id, reached: !t.noCategory, why: !reached });
      }
    });
    it(`${m.store}: every store purpose is reached by some data use`, () => {
      for (const p of m.purposes) expect([p.id, [...tax.useKeys].some((u) => purposeOf(m, u)?.purpose.id === p.id)]).toEqual([p.id, true]);
    });
  }
  it("Apple's six purposes", () => {
    expect(apple.purposes.map((p) => p.id)).toEqual([
      'third-party-advertising',
      'developers-advertising',
      'analytics',
      'product-personalization',
      'app-functionality',
      'other-purposes',
    ]);
  });
});

describe('which stores a flow calls for', () => {
  it('maps android to Google Play and ios to the App Store', () => {
    expect(storesForPlatforms(['ios', 'pc', 'android'])).toEqual(['play', 'apple']);
    expect(storesForPlatforms(['pc', 'console'])).toEqual([]);
    expect(storesForPlatforms(undefined)).toBeNull();
  });
});

describe('a third-party ad network receiving the advertising ID for targeted ads', () => {
  const { play: p, apple: a } = answers(fixture(join(FIXTURES, 'ad-network.yaml')));
  it('Apple: the advertising ID is used to track, traced to the ad network and the ads purpose', () => {
    const device = a.dataTypes.find((t) => t.id === 'device-id')!;
    expect(device.tracking).toBe(true);
    expect(device.linked).toBe(true);
    expect(device.trace).toEqual({ data: ['ad-id'], purposes: ['ads'], vendors: ['adnet'] });
    expect(device.purposes.map((x) => x.id)).toEqual(['third-party-advertising']);
    expect(a.tracking).toBe(true);
    expect(a.dataTypes.find((t) => t.id === 'product-interaction')!.tracking).toBe(false);
  });
  it('Google: the advertising ID is shared for advertising; the processor analytics is not sharing', () => {
    const device = p.dataTypes.find((t) => t.id === 'PSL_DEVICE_ID')!;
    expect(device.shared).toBe(true);
    expect(device.sharingPurposes.map((x) => x.id)).toEqual(['PSL_ADVERTISING']);
    expect(device.recipients.map((r) => [r.vendor, r.value])).toEqual([['adnet', true]]);
    const events = p.dataTypes.find((t) => t.id === 'PSL_USER_INTERACTION')!;
    expect(events.collected).toBe(true);
    expect(events.shared).toBe(false);
    expect(events.recipients.map((r) => [r.vendor, r.value])).toEqual([['stats', false]]);
  });
  it('gets the ATT item from the apple-app-store pack', () => {
    const lib = loadLibraryFromSources();
    const report = check(lib, fixture(join(FIXTURES, 'ad-network.yaml')), { asOf: '2026-12-04' });
    const att = report.items.find((i) => i.id === 'apple-app-store/att-permission-before-tracking');
    expect(att?.determination).toBe('applies');
  });
});

describe('the same game with only a processor analytics vendor', () => {
  const flow = fixture(join(FIXTURES, 'processor-analytics.yaml'));
  const { play: p, apple: a } = answers(flow);
  it('Apple: nothing is used to track', () => {
    expect(a.tracking).toBe(false);
    expect(a.dataTypes.map((t) => [t.id, t.tracking])).toEqual([
      ['device-id', false],
      ['product-interaction', false],
    ]);
  });
  it('Google: data is collected, nothing is shared', () => {
    expect(p.collectsOrShares).toBe(true);
    expect(p.dataTypes.map((t) => [t.id, t.collected, t.shared])).toEqual([
      ['PSL_USER_INTERACTION', true, false],
      ['PSL_DEVICE_ID', true, false],
    ]);
    expect(p.dataTypes.every((t) => t.sharingPurposes.length === 0)).toBe(true);
  });
  it('gets no ATT item', () => {
    const lib = loadLibraryFromSources();
    const report = check(lib, flow, { asOf: '2026-12-04' });
    expect(report.items.some((i) => i.id === 'apple-app-store/att-permission-before-tracking')).toBe(false);
  });
});

describe('what the flow cannot decide', () => {
  const base = fixture(join(FIXTURES, 'processor-analytics.yaml'));
  it('names the missing fact: optional, on-device only, retention', () => {
    const flow: Flow = {
      ...base,
      data: [
        ...base.data.map((d) => (d.id === 'events' ? { ...d, retention: undefined } : d)),
        { id: 'local', category: 'user.behavior.gameplay', subjects: ['player'] },
      ],
      purposes: [{ ...base.purposes[0]!, data: ['device-id', 'events', 'local'] }],
    } as Flow;
    const { play: p, apple: a } = answers(flow);
    const events = p.dataTypes.find((t) => t.id === 'PSL_USER_INTERACTION')!;
    const facts = events.toConfirm.map((c) => c.fact).sort();
    expect(facts).toEqual(['data[events].optional', 'data[events].retention', 'data[local].onDeviceOnly', 'data[local].optional', 'data[local].retention']);
    expect(events.ephemeral).toBeNull();
    expect(a.dataTypes.find((t) => t.id === 'product-interaction')!.toConfirm.map((c) => c.fact)).toContain('data[local].onDeviceOnly');
    expect(p.toConfirm.map((c) => c.fact)).toContain('security.encryptionInTransit');
  });
  it('an independent controller that neither sells nor receives data for ads: shared is to confirm', () => {
    const flow: Flow = { ...base, vendors: [{ ...base.vendors[0]!, role: 'controller' }] };
    const events = answers(flow).play.dataTypes.find((t) => t.id === 'PSL_USER_INTERACTION')!;
    expect(events.shared).toBeNull();
    expect(events.toConfirm.map((c) => c.fact)).toContain('vendors[stats].userInitiated');
  });
});

describe('the bundled example', () => {
  const flow = fixture(EXAMPLE);
  const { play: p, apple: a } = answers(flow);
  const dataIds = new Set(flow.data.map((d) => d.id));
  const purposeIds = new Set(flow.purposes.map((x) => x.id));
  const vendorIds = new Set(flow.vendors.map((v) => v.id));
  it('every answer traces to data elements, purposes and vendors of the flow', () => {
    for (const t of [...p.dataTypes, ...a.dataTypes]) {
      expect(t.trace.data.length).toBeGreaterThan(0);
      expect(t.trace.data.every((d) => dataIds.has(d))).toBe(true);
      expect(t.trace.purposes.every((x) => purposeIds.has(x))).toBe(true);
      expect(t.trace.vendors.every((v) => vendorIds.has(v))).toBe(true);
    }
  });
  it('every data element that leaves the device is in some Apple data type, with purposes, linkage and tracking', () => {
    expect(new Set(a.dataTypes.flatMap((t) => t.trace.data))).toEqual(dataIds);
    for (const t of a.dataTypes) {
      expect(t.purposes.length).toBeGreaterThan(0);
      expect(typeof t.linked).toBe('boolean');
      expect(t.tracking === null || typeof t.tracking === 'boolean').toBe(true);
    }
    expect(a.dataTypes.find((t) => t.id === 'device-id')!.tracking).toBe(true);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(answers(fixture(EXAMPLE)))).toBe(JSON.stringify({ play: p, apple: a }));
  });
});
