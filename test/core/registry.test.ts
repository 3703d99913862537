// The predicate registry is the law language: every predicate declares what it
// reads, and whatever reads subjects can be compiled to its fast form.
import { describe, expect, it } from 'vitest';
import { PREDICATES, leafOf } from '../../src/core/conditions/registry.js';
import { conditionSchema } from '../../src/core/conditions/schema.js';
import { loadLibrary } from '../../src/library.js';
import { walkCondition } from '../../src/core/lint-pack.js';

describe('predicate registry', () => {
  it('keys are unique and each has a schema, a doc line and an explanation', () => {
    const keys = PREDICATES.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of PREDICATES) {
      expect(p.doc.example.startsWith(p.key), p.key).toBe(true);
      expect(p.doc.holds.length, p.key).toBeGreaterThan(10);
    }
  });
  it('every predicate that reads subjects or the date has a compiled form (game-level ones are memoised)', () => {
    for (const p of PREDICATES) if (p.level !== 'game') expect(p.compile, p.key).toBeTypeOf('function');
  });
  it('the schema lists exactly the combinators, ref and the registered predicates', () => {
    const props = Object.keys((conditionSchema().definitions as { condition: { properties: object } }).condition.properties);
    expect(props.sort()).toEqual(['all', 'any', 'not', 'ref', ...PREDICATES.map((p) => p.key)].sort());
  });
  it('every predicate a bundled rule uses is registered', () => {
    const lib = loadLibrary();
    const unknown = new Set<string>();
    for (const reg of lib.regulations)
      for (const cond of [reg.appliesWhen, ...reg.rules.map((r) => r.when)])
        walkCondition(cond, '', (key, value) => {
          if (!leafOf({ [key]: value })) unknown.add(key);
        });
    expect([...unknown]).toEqual([]);
  });
});
