// The truth of a condition without its explanation. Most (rule, subject)
// pairs of a large portfolio are false and their "because" text is thrown
// away, so each rule's condition is first compiled, once per law, to a
// function that answers true, false or unknown without building any text;
// only pairs that are not false are explained by evaluateCondition.
// A test holds the two to the same answer on every rule and fixture.
import type { Condition } from '../types.js';
import type { LawContext } from './context.js';
import { evaluateCondition } from './explain.js';
import type { Truth } from './outcome.js';
import type { TruthOf } from './predicate.js';
import { leafOf } from './registry.js';

export type { TruthOf };

const always =
  (t: Truth): TruthOf =>
  () =>
    t;

/**
 * Three-valued AND (decided by the first false part) or OR (by the first true
 * part); otherwise unknown if any part is, else the other value.
 */
function decidedBy(decisive: boolean, parts: readonly TruthOf[]): TruthOf {
  return (s) => {
    let value: Truth = !decisive;
    for (const part of parts) {
      const t = part(s);
      if (t === decisive) return decisive;
      if (t === null) value = null;
    }
    return value;
  };
}

/** Compile a condition for one law: parameters and game-level facts are read once here. */
export function compileTruth(cond: Condition, ctx: LawContext): TruthOf {
  if ('all' in cond)
    return decidedBy(
      false,
      cond.all.map((c) => compileTruth(c, ctx)),
    );
  if ('any' in cond)
    return decidedBy(
      true,
      cond.any.map((c) => compileTruth(c, ctx)),
    );
  if ('not' in cond) {
    const inner = compileTruth(cond.not, ctx);
    return (s) => {
      const t = inner(s);
      return t === null ? null : !t;
    };
  }
  if ('ref' in cond) throw new Error(`named condition "${cond.ref}" was not expanded when its pack loaded`);
  const leaf = leafOf(cond);
  if (!leaf) throw new Error(`unknown condition ${JSON.stringify(cond)}`);
  // A game-level predicate is the same for every subject (and memoised for the explanations too).
  if (leaf.predicate.level === 'game') return always(evaluateCondition(cond, ctx.index.game, ctx).value);
  if (!leaf.predicate.compile) throw new Error(`predicate ${leaf.predicate.key} reads subjects but has no compiled form`);
  return leaf.predicate.compile(leaf.value, ctx);
}
