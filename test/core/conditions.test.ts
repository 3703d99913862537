import { describe, expect, it } from 'vitest';
import { evaluateCondition, type LawContext } from '../../src/core/conditions.js';
import { indexFlow } from '../../src/core/subjects.js';
import { resolveParams } from '../../src/core/params.js';
import type { Condition, Flow } from '../../src/core/types.js';
import { flow, regulation, tax } from '../helpers.js';

function ctxFor(f: Flow, territory = ['EU'], params: ReturnType<typeof resolveParams> = new Map()): LawContext {
  return { tax, index: indexFlow(f), params, territory: tax.markets.leavesOf(territory), territoryLabel: territory.join(', '), asOf: '2026-11-25' };
}
const game = (f: Flow) => indexFlow(f).game;
const run = (c: Condition, f: Flow, territory?: string[]) => evaluateCondition(c, game(f), ctxFor(f, territory));

describe('three-valued logic', () => {
  const t: Condition = { always: true };
  const f: Condition = { not: { always: true } };
  const u: Condition = { controller: { annualRevenueUsd: { gt: 1 } } }; // revenue not given → unknown
  const base = flow();
  it.each([
    ['all true', { all: [t, t] }, true],
    ['all with false', { all: [t, f, u] }, false],
    ['all with unknown', { all: [t, u] }, null],
    ['any with true', { any: [f, u, t] }, true],
    ['any with unknown', { any: [f, u] }, null],
    ['any false', { any: [f, f] }, false],
    ['not unknown', { not: u }, null],
  ] as const)('%s', (_name, cond, want) => {
    expect(run(cond as Condition, base).value).toBe(want);
  });

  it('names the missing fact when unknown', () => {
    const o = run({ all: [t, u] }, base);
    expect(o.unknown).toEqual(['controller.annualRevenueUsd']);
  });
});

describe('players in a territory', () => {
  const cond: Condition = { players: { gte: 100000 } };
  it('counts a state market exactly, at and one below the threshold', () => {
    expect(run(cond, flow({ markets: [{ code: 'US-CA', players: 100000 }] }), ['US-CA']).value).toBe(true);
    expect(run(cond, flow({ markets: [{ code: 'US-CA', players: 99999 }] }), ['US-CA']).value).toBe(false);
  });
  it('a US-wide count bounds a state from above only', () => {
    expect(run(cond, flow({ markets: [{ code: 'US', players: 50000 }] }), ['US-CA']).value).toBe(false);
    const o = run(cond, flow({ markets: [{ code: 'US', players: 500000 }] }), ['US-CA']);
    expect(o.value).toBe(null);
  });
  it('a national total beside state counts: the states exact, the rest of the total bounds the others', () => {
    const big = flow({
      markets: [
        { code: 'US', players: 500000 },
        { code: 'US-CA', players: 120000 },
      ],
    });
    expect(run(cond, big, ['US-CA']).value).toBe(true);
    expect(run({ players: { lte: 120000 } }, big, ['US-CA']).value).toBe(true);
    const tx = run(cond, big, ['US-TX']);
    expect(tx.value).toBe(null);
    expect(run({ players: { gt: 380000 } }, big, ['US-TX']).value).toBe(false);
    expect(run({ players: { gte: 500000 } }, big, ['US']).value).toBe(true);
    expect(run({ players: { gt: 500000 } }, big, ['US']).value).toBe(false);
    const small = flow({
      markets: [
        { code: 'US', players: 50000 },
        { code: 'US-CA', players: 10000 },
      ],
    });
    expect(run({ players: { lt: 100000 } }, small, ['US-TX']).value).toBe(true);
    expect(run(cond, small, ['US-TX']).value).toBe(false);
    expect(run({ players: { gt: 10000 } }, small, ['US-CA']).value).toBe(false);
  });
  it('an unknown count is unknown and names the market', () => {
    const o = run(cond, flow({ markets: [{ code: 'US-CA' }] }), ['US-CA']);
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['markets[US-CA].players']);
  });
  it('member states add up within the EU', () => {
    const f = flow({
      markets: [
        { code: 'DE', players: 60000 },
        { code: 'FR', players: 40000 },
        { code: 'US-CA', players: 1e6 },
      ],
    });
    expect(run(cond, f, ['EU']).value).toBe(true);
    expect(run({ players: { gte: 100001 } }, f, ['EU']).value).toBe(false);
  });
});

describe('offeredIn and establishedIn', () => {
  it('US means every state', () => {
    expect(run({ offeredIn: ['US-TX'] }, flow({ markets: [{ code: 'US' }] })).value).toBe(true);
    expect(run({ offeredIn: ['US-TX'] }, flow({ markets: [{ code: 'US-CA' }] })).value).toBe(false);
  });
  it('UK is an alias of GB', () => {
    expect(run({ offeredIn: ['GB'] }, flow({ markets: [{ code: 'UK' }] })).value).toBe(true);
  });
  it('establishment unknown is unknown', () => {
    const f = flow({ controller: { name: 'S' } });
    expect(run({ establishedIn: ['EEA'] }, f).value).toBe(null);
    expect(run({ establishedIn: ['EEA'] }, flow({ controller: { name: 'S', establishedIn: 'IE' } })).value).toBe(true);
  });
});

describe('data, use and vendor predicates', () => {
  const f = flow({
    data: [
      { id: 'vp', category: 'user.biometric.voice', subjects: ['child'] },
      { id: 'email', category: 'user.contact.email', subjects: ['player'], retention: 'P1Y' },
    ],
    purposes: [{ id: 'p', use: 'functional.voice_chat', data: ['vp', 'email'] }],
    flows: [{ from: 'backend', to: 'v', data: ['vp'], purpose: 'p' }],
  });
  it('a category matches its subtree', () => {
    expect(run({ data: { category: ['user.biometric'] } }, f).value).toBe(true);
    expect(run({ data: { category: ['user.biometric.fingerprint'] } }, f).value).toBe(false);
  });
  it('subjects and retention combine on one element', () => {
    expect(run({ data: { subjects: ['child'], retentionStated: false } }, f).value).toBe(true);
    expect(run({ data: { subjects: ['child'], retentionStated: true } }, f).value).toBe(false);
  });
  it('a vendor fact not given is unknown', () => {
    expect(run({ vendor: { dpfCertified: true } }, f).value).toBe(null);
  });
  it('lawful basis missing', () => {
    expect(run({ lawfulBasis: { missing: true } }, f).value).toBe(true);
  });
  it('a vendor supplies data only when a flow brings data from it to the studio or its processor', () => {
    const outbound = flow();
    expect(run({ vendor: { suppliesData: true } }, outbound).value).toBe(false);
    expect(run({ vendor: { suppliesData: false } }, outbound).value).toBe(true);
    const back = { from: 'v', to: 'backend', data: ['email'], purpose: 'account' };
    // a processor acts for the studio: what it sends back is the studio's own data
    expect(run({ vendor: { suppliesData: true } }, flow({ flows: [...outbound.flows, back] })).value).toBe(false);
    const inbound = flow({ vendors: [{ ...outbound.vendors[0]!, role: 'controller' }], flows: [...outbound.flows, back] });
    const o = run({ vendor: { suppliesData: true } }, inbound);
    expect(o.value).toBe(true);
    expect(o.because.join(' ')).toMatch(/from vendor v/);
  });
});

describe('parameters', () => {
  const reg = regulation([], {
    parameters: {
      age: { type: 'integer', value: 16, description: 'x', combine: 'max' },
      threshold: {
        type: 'number',
        value: 25,
        description: 'y',
        schedule: [
          { from: '2025-01-01', value: 26 },
          { from: '2027-01-01', value: 27 },
        ],
      },
    },
    variations: [
      { markets: ['FR'], set: { age: 15 } },
      { markets: ['BE'], set: { age: 13 } },
    ],
  });
  it('the strictest member-state value wins and names its markets', () => {
    const p = resolveParams(reg, tax.markets.leavesOf(['FR', 'BE']), tax.markets, '2026-01-01');
    expect(p.get('age')!.value).toBe(15);
    expect(p.get('age')!.source).toContain('FR');
    expect(resolveParams(reg, tax.markets.leavesOf(['EU']), tax.markets, '2026-01-01').get('age')!.value).toBe(16);
    expect(resolveParams(reg, tax.markets.leavesOf(['BE']), tax.markets, '2026-01-01').get('age')!.value).toBe(13);
  });
  it('a scheduled value follows the as-of date', () => {
    const at = (d: string) => resolveParams(reg, new Set(['DE']), tax.markets, d).get('threshold')!.value;
    expect(at('2024-12-31')).toBe(25);
    expect(at('2025-01-01')).toBe(26);
    expect(at('2027-06-01')).toBe(27);
  });
});

describe('processesIn and hasDpo', () => {
  it('equipment in a country: a system or vendor region there', () => {
    expect(run({ processesIn: ['MY'] }, flow({ systems: [{ id: 'backend', regions: ['MY'] }] })).value).toBe(true);
    expect(run({ processesIn: ['MY'] }, flow()).value).toBe(false);
    const o = run({ processesIn: ['MY'] }, flow({ systems: [{ id: 'backend' }], vendors: [], flows: [] }));
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['systems[backend].regions']);
  });
  it('a DPO given as null is none; omitted is unknown', () => {
    expect(run({ controller: { hasDpo: false } }, flow({ controller: { name: 'S', dpo: null } })).value).toBe(true);
    expect(run({ controller: { hasDpo: false } }, flow({ controller: { name: 'S', dpo: 'Kim' } })).value).toBe(false);
    expect(run({ controller: { hasDpo: false } }, flow({ controller: { name: 'S' } })).value).toBe(null);
  });
});

describe('since', () => {
  it('is true on and after its date only', () => {
    expect(run({ since: '2026-11-25' }, flow()).value).toBe(true);
    expect(run({ since: '2026-11-26' }, flow()).value).toBe(false);
  });
});

describe('processesIn ignores players’ devices', () => {
  it('a device system without regions does not make equipment in a country unknown', () => {
    const f = flow({
      systems: [
        { id: 'client', kind: 'device' },
        { id: 'backend', regions: ['SG'] },
      ],
      vendors: [],
      flows: [],
    });
    expect(run({ processesIn: ['MY'] }, f).value).toBe(false);
  });
});

describe('audience.admitsUnder', () => {
  const aud = (a: Flow['audience']) => flow({ audience: a });
  it('follows the minimum age of the terms', () => {
    expect(run({ audience: { admitsUnder: 16 } }, aud({ minimumAge: 13, childDirected: 'no', knownChildren: false })).value).toBe(true);
    expect(run({ audience: { admitsUnder: 13 } }, aud({ minimumAge: 13, childDirected: 'no', knownChildren: false })).value).toBe(false);
  });
  it('children play a child-directed or mixed-audience game, or one where the studio knows they do', () => {
    expect(run({ audience: { admitsUnder: 13 } }, aud({ minimumAge: 13, childDirected: 'mixed' })).value).toBe(true);
    expect(run({ audience: { admitsUnder: 16 } }, aud({ childDirected: 'primary' })).value).toBe(true);
    expect(run({ audience: { admitsUnder: 16 } }, aud({ minimumAge: 18, childDirected: 'no', knownChildren: true })).value).toBe(true);
  });
  it('is unknown when neither the terms nor the audience say', () => {
    const o = run({ audience: { admitsUnder: 16 } }, aud({ childDirected: 'no' }));
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['audience.minimumAge']);
  });
});

describe('formatNumber', () => {
  it('writes any number exactly as en-US toLocaleString does', async () => {
    const { formatNumber } = await import('../../src/core/conditions.js');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.maxSafeInteger(),
          fc.double({ noNaN: true }),
          // short decimals (a revenue share, a ratio) are written without ICU: they must still read the same
          fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(10, 100, 1000, 10000)).map(([i, d]) => i / d),
          fc.constantFrom(0.1, 0.25, 0.5, 0.9995, 1e21, -0, -0.5, 2.0005),
        ),
        (n) => formatNumber(n) === n.toLocaleString('en-US'),
      ),
      { numRuns: 3000 },
    );
  });
});

describe('feature: what players can do', () => {
  const cond: Condition = { feature: ['loot-boxes', 'text-chat'] };
  it('is true when the game has one of the features, naming it', () => {
    const o = run(cond, flow({ features: ['text-chat', 'voice-chat'] }));
    expect(o.value).toBe(true);
    expect(o.because.join(' ')).toContain('text-chat');
  });
  it('is false when the list is given without them, and for features: []', () => {
    expect(run(cond, flow({ features: ['voice-chat'] })).value).toBe(false);
    expect(run(cond, flow({ features: [] })).value).toBe(false);
  });
  it('is unknown when the flow omits features, naming the fact', () => {
    const o = run(cond, flow());
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['features']);
  });
});

describe('platform: the platforms the game ships on', () => {
  const cond: Condition = { platform: ['ios'] };
  it('is true when game.platforms includes one of them, naming it', () => {
    const o = run(cond, flow({ game: { id: 'g', name: 'Game', platforms: ['pc', 'ios'] } }));
    expect(o.value).toBe(true);
    expect(o.because.join(' ')).toContain('ios');
  });
  it('is false when game.platforms is given without them', () => {
    expect(run(cond, flow({ game: { id: 'g', name: 'Game', platforms: ['android'] } })).value).toBe(false);
  });
  it('is unknown when the flow omits game.platforms, naming the fact', () => {
    const o = run(cond, flow());
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['game.platforms']);
  });
});

describe('knowsPlayersUnder: the age model', () => {
  const cond: Condition = { audience: { knowsPlayersUnder: 16 } };
  const aud = (a: Partial<Flow['audience']>) => ({ minimumAge: 13, childDirected: 'no' as const, knownChildren: false, ...a });
  it('an age gate that asks the age gives actual knowledge when the terms admit those ages', () => {
    expect(run(cond, flow({ audience: aud({ ageGate: 'neutral' }) })).value).toBe(true);
    expect(run(cond, flow({ audience: aud({ ageGate: 'verified' }) })).value).toBe(true);
  });
  it('terms that start at the age (or above) admit no such players', () => {
    expect(run(cond, flow({ audience: aud({ ageGate: 'neutral', minimumAge: 16 }) })).value).toBe(false);
    expect(run(cond, flow({ audience: aud({ ageGate: 'neutral', minimumAge: 15 }) })).value).toBe(true);
  });
  it('with no age gate, data kept about teen players still gives knowledge; otherwise it is to confirm', () => {
    const teenData = [{ id: 'e', category: 'user.contact.email', subjects: ['teen'] }];
    expect(run(cond, flow({ audience: aud({ ageGate: 'none' }), data: teenData })).value).toBe(true);
    const o = run(cond, flow({ audience: aud({ ageGate: 'none' }) }));
    expect(o.value).toBe(null);
    expect(o.unknown).toEqual(['audience.ageGate']);
  });
  it('an unknown minimum age is to confirm; known children under 13 decide it for older ages', () => {
    expect(run(cond, flow({ audience: { ageGate: 'neutral' } })).unknown).toEqual(['audience.minimumAge']);
    expect(run(cond, flow({ audience: { knownChildren: true, ageGate: 'none' } })).value).toBe(true);
  });
});
