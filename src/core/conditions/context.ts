// What a condition is evaluated against: one law's view of one flow, and the
// caches that let twenty laws asking the same question share its answer.
import type { Condition, Vendor } from '../types.js';
import type { FlowIndex, Subject } from '../subjects.js';
import type { Taxonomy } from '../taxonomy.js';
import type { ResolvedParams } from '../params.js';
import type { SharedTexts } from '../texts.js';
import type { Outcome } from './outcome.js';

export interface LawContext {
  tax: Taxonomy;
  index: FlowIndex;
  params: ResolvedParams;
  /** the smallest markets (countries, US states) the law covers */
  territory: ReadonlySet<string>;
  territoryLabel: string;
  /** the date the law is evaluated at */
  asOf: string;
  /** outcomes of game-level predicates (markets, thresholds, controller, audience), the same for every subject */
  memo?: Map<Condition, Outcome>;
  /** outcomes of subject-level predicates, shared by every law of one evaluation (see `shared`) */
  shared?: SharedAcrossLaws;
  /** this law's cache key of each subject-level predicate */
  keys?: WeakMap<Condition, string>;
}

/**
 * Twenty state laws ask the same question ("does this purpose target ads?")
 * of the same thousand purposes: the answer and its explanation are computed
 * once and shared. Keyed by the condition's text and the values of the
 * parameters it reads (which appear in its explanation), then by subject.
 */
export interface SharedAcrossLaws {
  /** the outcome of a subject-level condition, by key, then by subject */
  bySubject: Map<string, Map<Subject, Outcome>>;
  /** for a rule's whole condition: the subjects of its kind on which it is not false, with their outcomes */
  matches: Map<string, readonly Match[]>;
  /** rule texts filled for a subject, when they read nothing of the law */
  texts: SharedTexts;
}

/** A subject on which a rule's condition is not false: the outcome, and its lines without repeats (read-only). */
export interface Match {
  subject: Subject;
  outcome: Outcome;
  lines: { because: string[]; unknown: string[] };
  /** the item's subject reference and the end of its id */
  ref: { subject: { type: Subject['kind']; id: string }; idSuffix: string };
  /** for a single item standing for several subjects (`items: one`): their vendors and ids */
  vendors?: readonly Vendor[];
  triggers?: readonly string[];
}

export const sharedAcrossLaws = (): SharedAcrossLaws => ({ bySubject: new Map(), matches: new Map(), texts: new Map() });

/** Subjects that are the same objects for every law (markets and transfers are built per law). */
export const SHARED_KINDS: ReadonlySet<Subject['kind']> = new Set(['game', 'data', 'purpose', 'vendor', 'flow']);
