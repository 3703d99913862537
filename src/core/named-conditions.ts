// Named conditions: a test the law language cannot name in one predicate
// ("sells the data or targets ads with it") is defined once, in a shared
// library (conditions/*.yaml) or in a pack's regulation.yaml, and rules
// reference it as `{ref: name}`. References are expanded when a pack loads,
// so the engine sees plain conditions; docs keep the condition as written.
import type { Condition, Issue, NamedCondition } from './types.js';
import { didYouMean } from './suggest.js';

/** Named conditions in scope for one pack: the shared library's and the pack's own. */
export type ConditionLibrary = ReadonlyMap<string, NamedCondition & { origin: string }>;

export function isRef(cond: Condition): cond is { ref: string } {
  return 'ref' in cond;
}

/** Whether a condition refers to a named condition anywhere inside. */
export function hasRefs(cond: Condition): boolean {
  if (isRef(cond)) return true;
  if ('all' in cond) return cond.all.some(hasRefs);
  if ('any' in cond) return cond.any.some(hasRefs);
  if ('not' in cond) return hasRefs(cond.not);
  return false;
}

/**
 * The condition with every reference replaced by its definition. Each named
 * condition is expanded once and shared, so its outcome caches across rules.
 * Unknown names and cycles are issues at the reference.
 */
export function expandRefs(
  cond: Condition,
  lib: ConditionLibrary,
  at: { file: string; pointer: string },
  issues: Issue[],
  expanded: Map<string, Condition> = new Map(),
  stack: readonly string[] = [],
): Condition {
  if (isRef(cond)) {
    const name = cond.ref;
    const def = lib.get(name);
    const pointer = `${at.pointer}/ref`;
    if (!def) {
      issues.push({
        file: at.file,
        pointer,
        message: `unknown named condition "${name}"`,
        hint: didYouMean(name, lib.keys()) ?? 'define it under conditions: in regulation.yaml or in conditions/*.yaml',
      });
      return cond;
    }
    if (stack.includes(name)) {
      issues.push({ file: at.file, pointer, message: `named condition "${name}" refers to itself (${[...stack, name].join(' → ')})` });
      return cond;
    }
    let body = expanded.get(name);
    if (!body) {
      body = expandRefs(def.when, lib, { file: def.origin, pointer: `/conditions/${name}/when` }, issues, expanded, [...stack, name]);
      expanded.set(name, body);
    }
    return body;
  }
  if ('all' in cond) return { all: cond.all.map((c, i) => expandRefs(c, lib, { file: at.file, pointer: `${at.pointer}/all/${i}` }, issues, expanded, stack)) };
  if ('any' in cond) return { any: cond.any.map((c, i) => expandRefs(c, lib, { file: at.file, pointer: `${at.pointer}/any/${i}` }, issues, expanded, stack)) };
  if ('not' in cond) return { not: expandRefs(cond.not, lib, { file: at.file, pointer: `${at.pointer}/not` }, issues, expanded, stack) };
  return cond;
}
