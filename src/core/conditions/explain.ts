// A condition's value with its explanation: combinators, and each leaf through
// its predicate, cached as the predicate's level says (see predicate.ts).
import type { Condition } from '../types.js';
import type { Subject } from '../subjects.js';
import { SHARED_KINDS, type LawContext } from './context.js';
import { allOf, anyOf, frozen, type Outcome } from './outcome.js';
import { leafOf } from './registry.js';

const subjectOnlyMemo = new WeakMap<Condition, boolean>();

/**
 * A condition that reads nothing of the game as a whole (no markets,
 * thresholds, controller, audience or features): its outcome on a subject can
 * be shared by every law whose parameters agree.
 */
export function isSubjectOnly(cond: Condition): boolean {
  let v = subjectOnlyMemo.get(cond);
  if (v === undefined) {
    if ('all' in cond) v = cond.all.every(isSubjectOnly);
    else if ('any' in cond) v = cond.any.every(isSubjectOnly);
    else if ('not' in cond) v = isSubjectOnly(cond.not);
    else v = leafOf(cond)?.predicate.level !== 'game';
    subjectOnlyMemo.set(cond, v);
  }
  return v;
}

function paramsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) paramsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'param' && typeof v === 'string') out.add(v);
      else paramsIn(v, out);
    }
  return out;
}

/** The key laws share a subject-level outcome under: the condition's text and the values of the parameters it reads. */
export function sharedKey(cond: Condition, ctx: LawContext): string {
  let key = ctx.keys?.get(cond);
  if (key === undefined) {
    key = JSON.stringify(cond);
    for (const name of [...paramsIn(cond, new Set())].sort()) {
      const p = ctx.params.get(name);
      key += `|${name}=${JSON.stringify(p?.value)}@${p?.source ?? ''}`;
    }
    ctx.keys?.set(cond, key);
  }
  return key;
}

function shared(cond: Condition, subject: Subject, ctx: LawContext, compute: () => Outcome): Outcome {
  if (!ctx.shared || !SHARED_KINDS.has(subject.kind)) return compute();
  const key = sharedKey(cond, ctx);
  let bySubject = ctx.shared.bySubject.get(key);
  if (!bySubject) ctx.shared.bySubject.set(key, (bySubject = new Map()));
  let o = bySubject.get(subject);
  if (!o) bySubject.set(subject, (o = frozen(compute())));
  return o;
}

/** Evaluate a condition on a subject: true, false or unknown, with the facts that decided it. */
export function evaluateCondition(cond: Condition, subject: Subject, ctx: LawContext): Outcome {
  if ('all' in cond || 'any' in cond || 'not' in cond)
    return isSubjectOnly(cond) ? shared(cond, subject, ctx, () => combined(cond, subject, ctx)) : combined(cond, subject, ctx);
  if ('ref' in cond) throw new Error(`named condition "${cond.ref}" was not expanded when its pack loaded`);
  const leaf = leafOf(cond);
  if (!leaf) throw new Error(`unknown condition ${JSON.stringify(cond)}`);
  const { predicate, value } = leaf;
  switch (predicate.level) {
    case 'game': {
      // One evaluation per law serves every subject.
      const hit = ctx.memo?.get(cond);
      if (hit) return hit;
      const o = frozen(predicate.explain(value, ctx.index.game, ctx));
      ctx.memo?.set(cond, o);
      return o;
    }
    case 'subject':
      return shared(cond, subject, ctx, () => predicate.explain(value, subject, ctx));
    case 'law':
      return predicate.explain(value, subject, ctx);
  }
}

function combined(cond: Extract<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, subject: Subject, ctx: LawContext): Outcome {
  if ('all' in cond) return allOf(cond.all.length, (i) => evaluateCondition(cond.all[i]!, subject, ctx));
  if ('any' in cond) return anyOf(cond.any.length, (i) => evaluateCondition(cond.any[i]!, subject, ctx));
  const o = evaluateCondition(cond.not, subject, ctx);
  return { ...o, value: o.value === null ? null : !o.value };
}
