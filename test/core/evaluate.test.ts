import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/assemble.js';
import type { Regulation } from '../../src/core/types.js';
import { flow, regulation, rule, tax } from '../helpers.js';

const opts = { asOf: '2026-11-25', toolVersion: 'test' };

describe('evaluate', () => {
  it('yields one item per matching subject, with stable ids', () => {
    const reg = regulation([rule({ id: 'contract', for: 'vendor', when: { vendor: { role: ['processor'] } } })]);
    const f = flow({
      vendors: [
        { id: 'a', name: 'A', role: 'processor', services: ['cloud'] },
        { id: 'b', name: 'B', role: 'controller', services: ['advertising'] },
        { id: 'c', name: 'C', role: 'processor', services: ['analytics'] },
      ],
      flows: [],
    });
    const r = evaluate(f, [reg], tax, opts);
    expect(r.items.map((i) => i.id)).toEqual(['test-law/contract/vendor:a', 'test-law/contract/vendor:c']);
    expect(r.items[0]!.because).toContain('vendor a (A) is a processor');
  });

  it('reports an unknown fact as to-confirm naming the fact, never drops it', () => {
    const reg = regulation([rule({ id: 'big', when: { controller: { annualRevenueUsd: { gte: 1e6 } } } })]);
    const r = evaluate(flow(), [reg], tax, opts);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.determination).toBe('to-confirm');
    expect(r.items[0]!.unknown).toEqual(['controller.annualRevenueUsd']);
  });

  it('marks provisions not yet in force as upcoming, and laws as not-yet-in-force', () => {
    const reg = regulation([rule({ id: 'later', inForce: '2027-01-01' }), rule({ id: 'now' })]);
    const r = evaluate(flow(), [reg], tax, opts);
    expect(Object.fromEntries(r.items.map((i) => [i.rule, i.determination]))).toEqual({ later: 'upcoming', now: 'applies' });
    const future = evaluate(flow(), [regulation([rule()], { inForce: '2027-01-01' })], tax, opts);
    expect(future.regulations[0]!.status).toBe('not-yet-in-force');
    expect(future.items[0]!.determination).toBe('upcoming');
    const later = evaluate(flow(), [regulation([rule()], { inForce: '2027-01-01' })], tax, { ...opts, asOf: '2027-01-01' });
    expect(later.regulations[0]!.status).toBe('applies');
  });

  it('a law whose scope is false yields no items; undetermined yields to-confirm items', () => {
    const out = evaluate(flow({ markets: [{ code: 'SG' }] }), [regulation([rule()])], tax, opts);
    expect(out.regulations[0]!.status).toBe('not-applicable');
    expect(out.items).toEqual([]);
    const und = evaluate(flow(), [regulation([rule()], { appliesWhen: { players: { gte: 10 } } })], tax, {
      ...opts,
    });
    expect(und.regulations[0]!.status).toBe('applies');
    const unknownPlayers = evaluate(flow({ markets: [{ code: 'EU' }] }), [regulation([rule()], { appliesWhen: { players: { gte: 10 } } })], tax, opts);
    expect(unknownPlayers.regulations[0]!.status).toBe('undetermined');
    expect(unknownPlayers.items[0]!.determination).toBe('to-confirm');
    expect(unknownPlayers.items[0]!.unknown).toEqual(['markets[EU].players']);
  });

  it('one transfer per vendor region outside the territory; unknown regions are asked', () => {
    const reg = regulation([rule({ id: 'xfer', for: 'transfer', when: { region: { notIn: ['JP'] } } })], { territory: ['EEA'] });
    const f = flow({
      vendors: [
        { id: 'v', name: 'V', role: 'processor', services: ['cloud'], regions: ['DE', 'US', 'JP', 'SG'] },
        { id: 'w', name: 'W', role: 'processor', services: ['cloud'] },
      ],
      flows: [
        { from: 'backend', to: 'v', data: ['email'], purpose: 'account' },
        { from: 'backend', to: 'w', data: ['email'], purpose: 'account' },
      ],
    });
    const r = evaluate(f, [reg], tax, opts);
    expect(r.items.map((i) => [i.subject.id, i.determination])).toEqual([
      ['v@SG', 'applies'],
      ['v@US', 'applies'],
      ['w@unknown', 'to-confirm'],
    ]);
  });

  it('merges status, reports status entries that match nothing, and counts them', () => {
    const reg = regulation([rule({ id: 'a' }), rule({ id: 'b' })]);
    const r = evaluate(flow(), [reg], tax, {
      ...opts,
      status: { version: 1, items: { 'test-law/a': { status: 'done', owner: 'kim', evidence: ['dpa.pdf'] }, 'test-law/gone': { status: 'todo' } } },
    });
    expect(r.items.find((i) => i.rule === 'a')).toMatchObject({ status: 'done', owner: 'kim', evidenceProvided: ['dpa.pdf'] });
    expect(r.unmatchedStatus).toEqual(['test-law/gone']);
    expect(r.summary.byStatus).toMatchObject({ done: 1, todo: 1 });
  });

  it('the matrix names the strictest deadline, equal durations tie', () => {
    const mk = (id: string, jurisdiction: string, within: string): Regulation =>
      regulation([rule({ id: 'breach', topic: 'breach-notification', deadline: { within, from: 'x', to: 'y' } })], {
        id,
        jurisdiction,
        appliesWhen: { always: true },
      });
    const r = evaluate(flow(), [mk('a', 'EU', 'PT72H'), mk('b', 'SG', 'P3D'), mk('c', 'GB', 'P5D')], tax, opts);
    const row = r.matrix.find((m) => m.topic === 'breach-notification')!;
    expect(row.strictest).toEqual({ within: 'PT72H', jurisdictions: ['EU', 'SG'] });
    expect(row.cells.map((c) => c.jurisdiction)).toEqual(['EU', 'GB', 'SG']);
  });

  it('--market keeps only laws covering those markets', () => {
    const r = evaluate(
      flow({ markets: [{ code: 'EU' }, { code: 'SG' }] }),
      [regulation([rule()]), regulation([rule()], { id: 'sg', jurisdiction: 'SG', appliesWhen: { always: true } })],
      tax,
      {
        ...opts,
        markets: ['SG'],
      },
    );
    expect(r.regulations.map((x) => x.id)).toEqual(['sg']);
  });

  it('fills display templates from the subject and parameters', () => {
    const reg = regulation([rule({ id: 't', for: 'vendor', title: 'Contract with {{vendor.name}} (age {{params.age}})' })], {
      parameters: { age: { type: 'integer', value: 16, description: 'd' } },
    });
    expect(evaluate(flow(), [reg], tax, opts).items[0]!.title).toBe('Contract with Vendor (age 16)');
  });

  it('is deterministic: same input, same output', () => {
    const reg = regulation([rule({ id: 'x', for: 'data', when: { always: true } })]);
    const a = JSON.stringify(evaluate(flow(), [reg], tax, opts));
    const b = JSON.stringify(evaluate(flow(), [reg], tax, opts));
    expect(a).toBe(b);
  });
});

describe('until: provisions and laws that stop applying', () => {
  it('a rule past its until date yields nothing; before it, an item', () => {
    const reg = regulation([rule({ id: 'cure', until: '2026-01-01' })]);
    expect(evaluate(flow(), [reg], tax, { ...opts, asOf: '2025-12-31' }).items.map((i) => i.rule)).toEqual(['cure']);
    expect(evaluate(flow(), [reg], tax, { ...opts, asOf: '2026-01-01' }).items).toEqual([]);
  });
  it('a superseded law is not applicable from its until date, saying so', () => {
    const reg = regulation([rule()], { until: '2026-01-01' });
    const r = evaluate(flow(), [reg], tax, { ...opts, asOf: '2026-06-01' });
    expect(r.regulations[0]!.status).toBe('not-applicable');
    expect(r.regulations[0]!.reasons).toEqual(['no longer in force from 2026-01-01']);
  });
});

describe('scope: territory, provisions without a size threshold', () => {
  const reg = regulation([rule({ id: 'general' }), rule({ id: 'minors', scope: 'territory', when: { data: { subjects: ['child'] } } })], {
    appliesWhen: { all: [{ offeredIn: ['EU'] }, { players: { gte: 100000 } }] },
  });
  it('below the threshold only the territory-scoped provision applies, and the law says so', () => {
    const f = flow({
      data: [{ id: 'kid', category: 'user.contact.email', subjects: ['child'] }],
      purposes: [{ id: 'account', use: 'essential.service', data: ['kid'] }],
      flows: [],
    });
    const r = evaluate(f, [reg], tax, opts);
    expect(r.items.map((i) => i.rule)).toEqual(['minors']);
    expect(r.regulations[0]!.status).toBe('applies');
    expect(r.regulations[0]!.reasons[0]).toContain('minors');
  });
  it('stays not applicable when the game is not offered in the territory', () => {
    const f = flow({
      markets: [{ code: 'SG', players: 5 }],
      data: [{ id: 'kid', category: 'user.contact.email', subjects: ['child'] }],
      purposes: [{ id: 'account', use: 'essential.service', data: ['kid'] }],
      flows: [],
    });
    expect(evaluate(f, [reg], tax, opts).regulations[0]!.status).toBe('not-applicable');
  });
  it('with nothing firing, the law stays not applicable', () => {
    expect(evaluate(flow(), [reg], tax, opts).regulations[0]!.status).toBe('not-applicable');
  });
});

describe('outcomes shared between laws', () => {
  // Laws with the same rule condition share its outcomes; parameters that differ must keep them apart.
  const sensitive = (id: string, categories: string[]): Regulation =>
    regulation([rule({ id: 'sensitive', for: 'data', when: { data: { category: { param: 'sensitive' } } } })], {
      id,
      parameters: { sensitive: { type: 'list', value: categories, description: 'sensitive categories' } } as Regulation['parameters'],
    });
  const f = flow({
    data: [
      { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P1Y' },
      { id: 'voice', category: 'user.biometric.voice', subjects: ['player'], retention: 'P1Y' },
    ],
    purposes: [{ id: 'account', use: 'essential.service', data: ['email', 'voice'], lawfulBasis: 'contract' }],
  });

  it('a condition read with other parameter values is decided again', () => {
    const r = evaluate(f, [sensitive('law-a', ['user.biometric']), sensitive('law-b', ['user.contact']), sensitive('law-c', ['user.biometric'])], tax, opts);
    expect(r.items.map((i) => i.id)).toEqual(['law-a/sensitive/data:voice', 'law-b/sensitive/data:email', 'law-c/sensitive/data:voice']);
  });

  it('a text that shows a parameter is filled law by law; one that shows only the subject is filled once', () => {
    const law = (id: string, age: number) =>
      regulation(
        [rule({ id: 'age', for: 'purpose', when: { use: ['essential'] }, title: 'Age {{params.age}} for {{purpose.id}}', action: 'Ask {{purpose.id}}' })],
        {
          id,
          parameters: { age: { type: 'integer', value: age, description: 'age' } } as Regulation['parameters'],
        },
      );
    const r = evaluate(flow(), [law('law-a', 13), law('law-b', 16)], tax, opts);
    expect(r.items.map((i) => i.title)).toEqual(['Age 13 for account', 'Age 16 for account']);
    expect(r.items[0]!.action).toBe('Ask account');
    expect(r.items[1]!.action).toBe(r.items[0]!.action);
  });

  it('the whole library gives the same items together as law by law', async () => {
    const { loadLibrary } = await import('../../src/library.js');
    const { loadFlow } = await import('../../src/load/flow.js');
    const lib = loadLibrary();
    const example = loadFlow(new URL('../../examples/starfall/flow.yaml', import.meta.url).pathname, lib.tax).flow!;
    for (const asOf of ['2026-11-25', '2028-01-01']) {
      const together = evaluate(example, lib.regulations, lib.tax, { ...opts, asOf });
      const alone = lib.regulations.flatMap((reg) => evaluate(example, [reg], lib.tax, { ...opts, asOf }).items);
      expect(together.items.length).toBeGreaterThan(100);
      expect(together.items).toEqual([...alone].sort((a, b) => (a.id < b.id ? -1 : 1)));
    }
  });
});

describe('items: one (a single item for the game, standing for the subjects that match)', () => {
  const ads = { id: 'ads', use: 'marketing.advertising.third_party.targeted', data: ['adid'], lawfulBasis: 'consent' as const };
  const adsToo = { ...ads, id: 'ads-too' };
  const sold = { id: 'sold', use: 'analytics.reporting', data: ['adid'], lawfulBasis: 'consent' as const };
  const optOut = rule({
    id: 'opt-out',
    for: 'purpose',
    items: 'one',
    questions: ['q'],
    when: { any: [{ use: ['marketing.advertising.third_party.targeted'] }, { vendor: { sellsOrShares: true } }] },
  });
  const portfolio = (purposes: Array<typeof ads>, sellsOrShares?: boolean) =>
    flow({
      data: [{ id: 'adid', category: 'user.device.advertising_id', subjects: ['player'], retention: 'P1Y' }],
      vendors: [
        { id: 'net', name: 'Net', role: 'controller', services: ['advertising'], regions: ['US'] },
        {
          id: 'broker',
          name: 'Broker',
          role: 'controller',
          services: ['analytics'],
          regions: ['US'],
          ...(sellsOrShares === undefined ? {} : { sellsOrShares }),
        },
        { id: 'idle', name: 'Idle', role: 'processor', services: ['cloud'], regions: ['US'] },
      ],
      purposes,
      flows: purposes.map((p) => ({ id: `f-${p.id}`, from: 'backend', to: p.id === 'sold' ? 'broker' : 'net', data: ['adid'], purpose: p.id })),
    });
  const question = { id: 'q', text: 'Do you use our data for yourself?', evidence: ['Answer'], topic: 'opt-out' as const };

  it('gives one item for the game however many subjects match, naming them and asking all their vendors', () => {
    const r = evaluate(portfolio([ads, adsToo, sold], true), [regulation([optOut])], tax, { ...opts, questions: [question] });
    expect(r.items.map((i) => [i.id, i.subject, i.determination])).toEqual([['test-law/opt-out', { type: 'game', id: 'g' }, 'applies']]);
    expect(r.items[0]!.because.join('\n')).toMatch(/purpose ads \(/);
    expect(r.items[0]!.because.join('\n')).toMatch(/purpose sold \(analytics\.reporting\): /);
    expect(r.vendors.filter((v) => v.questions.some((q) => q.id === 'q')).map((v) => v.id)).toEqual(['broker', 'net']);
  });

  it('is to confirm, naming the facts, when no subject is decided; and absent when none matches', () => {
    const unsure = evaluate(portfolio([sold]), [regulation([optOut])], tax, opts);
    expect(unsure.items.map((i) => [i.id, i.determination])).toEqual([['test-law/opt-out', 'to-confirm']]);
    expect(unsure.items[0]!.unknown).toEqual(['vendors[broker].sellsOrShares']);
    expect(evaluate(portfolio([sold], false), [regulation([optOut])], tax, opts).items).toEqual([]);
  });

  it('applies when one subject is decided, and says which others are still to confirm', () => {
    const r = evaluate(portfolio([ads, sold]), [regulation([optOut])], tax, opts);
    expect(r.items.map((i) => i.determination)).toEqual(['applies']);
    expect(r.items[0]!.unknown).toEqual([]);
    expect(r.items[0]!.because.some((l) => l.startsWith('to confirm whether it also covers purpose sold'))).toBe(true);
  });

  it('lists a few subjects and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...ads, id: `ads-${String(i).padStart(2, '0')}` }));
    const r = evaluate(portfolio(many), [regulation([optOut])], tax, opts);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.because.at(-1)).toBe('and 7 more');
  });
});
