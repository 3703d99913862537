// The shape of one predicate of the law language. Everything about a
// predicate lives in its own module under predicates/: what it reads (its
// level), its JSON Schema, its explained and its fast evaluation, its lint and
// its line in the authoring doc. registry.ts lists them; the condition schema,
// the TypeScript type of a condition and the doc table derive from that list.
import type { ForKind } from '../types.js';
import type { Subject } from '../subjects.js';
import type { Taxonomy } from '../taxonomy.js';
import type { LawContext } from './context.js';
import type { Outcome, Truth } from './outcome.js';

export type TruthOf = (subject: Subject) => Truth;

/**
 * What a predicate reads, which decides how its outcomes are cached:
 * - `game`: only the game (markets, controller, audience, features): one evaluation per law serves every subject;
 * - `subject`: the subject's data, purposes and vendors (and the law's parameters): shared by every law whose
 *   parameters agree;
 * - `law`: nothing of the flow (the as-of date at most): decided once per law.
 */
export type PredicateLevel = 'game' | 'subject' | 'law';

/** What a predicate's lint can use and report into. */
export interface LintContext {
  tax: Taxonomy;
  markets: ReadonlySet<string>;
  /** report unknown keys of a closed vocabulary at a pointer (did-you-mean included) */
  keys(list: unknown, set: ReadonlySet<string>, what: string, pointer: string): void;
  issue(pointer: string, message: string, hint?: string): void;
}

export interface Predicate<K extends string = string, V = unknown> {
  key: K;
  level: PredicateLevel;
  /** the JSON Schema of the predicate's value (may use #/definitions/listRef, numberRef, comparison) */
  schema: Record<string, unknown>;
  /** the authoring doc's line: an example as written in a rule, and when it is true */
  doc: { example: string; holds: string };
  /** the rule kinds (`for`) it can be used in, when not all */
  onlyFor?: readonly ForKind[];
  /** the value with its explanation: why it is true, false or unknown, naming the facts */
  explain(value: V, subject: Subject, ctx: LawContext): Outcome;
  /**
   * The value alone, compiled once per law (most pairs of rule and subject are false and their explanation
   * is thrown away). Game-level predicates need none: they are decided once per law and memoised.
   */
  compile?(value: V, ctx: LawContext): TruthOf;
  /** checks beyond the schema: taxonomy keys, markets */
  lint?(value: V, pointer: string, lint: LintContext): void;
}

/** Declare a predicate with its value type (the registry reads both). */
export const predicate = <K extends string, V>(p: Predicate<K, V>): Predicate<K, V> => p;
