// Whatever a user writes, complyflow answers with issues or a report, never a
// crash: random documents and random edits of the example go through the
// loader and, when valid, through the whole evaluation.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadFlow } from '../../src/load/flow.js';
import { pointerLabel, shownValue } from '../../src/load/schema.js';
import { check, loadLibrary } from '../../src/library.js';
import { EXAMPLE } from '../cli/run.js';

const lib = loadLibrary();
const example = parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

function loadText(text: string) {
  const r = loadFlow('random.yaml', lib.tax, text);
  for (const i of r.issues) {
    expect(typeof i.message).toBe('string');
    expect(i.file).toBe('random.yaml');
  }
  if (r.flow) check(lib, r.flow, { asOf: '2026-11-25' });
  return r;
}

describe('robustness', () => {
  it('random documents give issues, not exceptions', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void loadText(stringify(v))),
      { numRuns: 200 },
    );
  });

  it('random text gives issues, not exceptions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => void loadText(t)),
      { numRuns: 300 },
    );
  });

  it('the example with one section replaced by anything never crashes the loader or the engine', () => {
    const keys = Object.keys(example);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
        const r = loadText(stringify({ ...example, [key]: value }));
        if (!r.flow) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('the example with a list entry mutated never crashes', () => {
    const lists = ['data', 'vendors', 'purposes', 'flows', 'markets'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.nat(), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), (list, n, field, value) => {
        const items = [...(example[list] as Array<Record<string, unknown>>)];
        const i = n % items.length;
        items[i] = { ...items[i], [field]: value };
        loadText(stringify({ ...example, [list]: items }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('prototype keys', () => {
  it('are refused where they stand, however deep, also behind an alias, and nothing else is', async () => {
    const { parseYaml } = await import('../../src/load/yaml.js');
    const deep = parseYaml('f.yaml', 'a:\n  - b: &x\n      c:\n        prototype: 1\n  - *x\n');
    expect(deep.value).toBeUndefined();
    expect(deep.issues.map((i) => [i.line, i.column, i.message])).toEqual([[4, 9, 'the key "prototype" is not allowed']]);
    const fine = parseYaml('f.yaml', 'a:\n  - b: &x\n      c: { proto: 1, constructors: 2 }\n  - *x\n');
    expect(fine.issues).toEqual([]);
    expect(fine.value).toEqual({ a: [{ b: { c: { proto: 1, constructors: 2 } } }, { c: { proto: 1, constructors: 2 } }] });
  });
});

describe('values shown in messages', () => {
  it('are cut to a line, never between the halves of a character (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 3, max: 80 }), (value, max) => {
        const shown = shownValue(value, max);
        const whole = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
        expect(shown.length).toBeLessThanOrEqual(max);
        if (whole.length <= max) expect(shown).toBe(whole);
        else {
          expect(shown.endsWith('…')).toBe(true);
          expect(whole.startsWith(shown.slice(0, -1))).toBe(true);
          expect(shown).not.toMatch(/[\uD800-\uDBFF]…$/);
        }
      }),
    );
  });

  it('a deeply nested wrong value is named in one short line', () => {
    const r = loadFlow('deep.yaml', lib.tax, `version: 1\ngame: ${'['.repeat(400)}${']'.repeat(400)}\n`);
    const game = r.issues.find((i) => i.pointer === '/game');
    expect(game?.message).toMatch(/^game must be object, not \[\[\[/);
    expect(game!.message.length).toBeLessThan(100);
  });
});

describe('places named in messages', () => {
  it('a JSON pointer reads as the path a person writes, with keys holding / or spaces quoted', () => {
    expect(pointerLabel('/data/3/category')).toBe('data.3.category');
    expect(pointerLabel('/items/eu-gdpr~1dpo/status')).toBe('items["eu-gdpr/dpo"].status');
    expect(pointerLabel('/items/a~0b c')).toBe('items["a~b c"]');
  });
});

describe('a market listed more than once', () => {
  it('is reported once, at its second listing, naming every place', async () => {
    const { checkFlow } = await import('../../src/core/check-flow.js');
    const { flow } = await import('../helpers.js');
    const { loadTaxonomy } = await import('../../src/load/taxonomy.js');
    const f = flow({ markets: [{ code: 'SG' }, { code: 'TH' }, { code: 'SG' }, { code: 'SG' }] });
    const issues = checkFlow(f, loadTaxonomy(), 'flow.yaml').filter((i) => /listed/.test(i.message));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.pointer).toBe('/markets/2/code');
    expect(issues[0]!.message).toBe('market "SG" is listed 3 times');
    expect(issues[0]!.hint).toContain('markets.0, markets.2, markets.3');
  });
});
