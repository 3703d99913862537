// The law language's conditions: three-valued evaluation with explanations.
// The predicates live one per module in conditions/predicates/, listed in
// conditions/registry.ts; this module is the entry point the engine uses.
export type { Truth, Outcome } from './conditions/outcome.js';
export { formatNumber, MAX_LISTED } from './conditions/outcome.js';
export type { LawContext, SharedAcrossLaws, Match } from './conditions/context.js';
export { sharedAcrossLaws, SHARED_KINDS } from './conditions/context.js';
export { list, num } from './conditions/operands.js';
export { evaluateCondition, isSubjectOnly, sharedKey } from './conditions/explain.js';
