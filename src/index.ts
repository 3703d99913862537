// complyflow's library API: everything the CLI does, callable from code.
export type * from './core/types.js';
export { findObligations, type EvaluateOptions, type Obligations } from './core/evaluate.js';
export { evaluate, mergeStatus, DISCLAIMER } from './core/assemble.js';
export { releaseGate, type GateResult } from './core/gate.js';
export { evaluateCondition, type Outcome, type Truth } from './core/conditions.js';
export { checkFlow } from './core/check-flow.js';
export { Taxonomy, Markets, keyMatches } from './core/taxonomy.js';
export { buildMatrix } from './core/matrix.js';
export { uncoveredMarkets, coveredMarkets, marketCoverage, packCoverage, uncoveredSentence, type MarketCoverage } from './core/coverage.js';
export { loadTaxonomy } from './load/taxonomy.js';
export { loadFlow, normalizeFlow } from './load/flow.js';
export { loadRegulations, loadQuestions, listPacks } from './load/regulations.js';
export { parseYaml } from './load/yaml.js';
export { validateWith, type SchemaName } from './load/schema.js';
export { loadLibrary, requireLibrary, requireFlow, requireStatus, check, toolVersion, type RuleLibrary, type CheckOptions } from './library.js';
export { renderReport, renderJson, renderMarkdown, CHECK_FORMATS, type Format } from './render/index.js';
export {
  storeAnswers,
  storesForPlatforms,
  dataTypeOf,
  purposeOf,
  type StoreId,
  type StoreMapping,
  type StoresReport,
  type StoreAnswers,
  type PlayAnswers,
  type AppleAnswers,
} from './core/stores.js';
export { loadStoreMapping, requireStoreMappings } from './load/stores.js';
export { renderStores } from './render/stores.js';
export { runRuleTestFile, type RuleTestReport } from './testing/rule-tests.js';
export { InputError, UsageError, ExitError, EXIT } from './errors.js';
export { main } from './cli/main.js';
