// The library API behind every command: load the rule library, load a flow,
// evaluate. Everything the CLI can do goes through here.
import { readFileSync } from 'node:fs';
import type { Flow, Issue, Question, Regulation, Report, StatusFile } from './core/types.js';
import type { Taxonomy } from './core/taxonomy.js';
import { evaluate } from './core/assemble.js';
import { loadTaxonomy, useTaxonomy } from './load/taxonomy.js';
import { readBundle, type BundleData } from './load/bundle.js';
import { Taxonomy as TaxonomyClass } from './core/taxonomy.js';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from './load/paths.js';
import { DEFAULT_QUESTIONS_DIR, DEFAULT_REGULATIONS_DIR, loadConditions, loadQuestions, loadRegulations } from './load/regulations.js';
import { loadFlow } from './load/flow.js';
import { readYaml } from './load/read.js';
import { packagePath } from './load/paths.js';
import { InputError } from './errors.js';
import './load/template-engine.js';

export interface RuleLibrary {
  tax: Taxonomy;
  regulations: Regulation[];
  questions: Question[];
  ruleFiles: Map<string, string>;
  issues: Issue[];
  /** verified facts without their evidence (only when read from sources) */
  evidenceIssues: Issue[];
}

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** Load the bundled rule packs (and any extra pack folders), collecting every issue. */
export function loadLibrary(extraDirs: string[] = []): RuleLibrary {
  const bundle = extraDirs.length === 0 ? readBundle(toolVersion()) : undefined;
  if (bundle) return fromBundle(bundle);
  return loadLibraryFromSources(extraDirs);
}

/** Read every pack from its YAML, with positions for any issue (what `rules lint` and the bundle build use). */
export function loadLibraryFromSources(extraDirs: string[] = []): RuleLibrary {
  const tax = loadTaxonomy();
  const q = loadQuestions(DEFAULT_QUESTIONS_DIR);
  const ids = new Set(q.questions.map((x) => x.id));
  const named = loadConditions();
  const regulations: Regulation[] = [];
  const issues: Issue[] = [...q.issues, ...named.issues];
  const ruleFiles = new Map<string, string>();
  const evidenceIssues: Issue[] = [];
  const packDirs = new Map<string, string>();
  for (const dir of new Set([DEFAULT_REGULATIONS_DIR, ...extraDirs.map((d) => resolve(d))])) {
    const r = loadRegulations(dir, tax, ids, named.conditions);
    // Two packs with one id would give items with one id: a pack cannot stand in for another.
    for (const reg of r.regulations) {
      const first = packDirs.get(reg.id);
      if (first !== undefined && first !== dir)
        issues.push({
          file: join(dir, reg.id),
          pointer: '',
          message: `a rule pack "${reg.id}" is already loaded from ${first === DEFAULT_REGULATIONS_DIR ? "complyflow's own rule packs" : first}`,
          hint: 'give this pack another id (and folder name)',
        });
      else packDirs.set(reg.id, dir);
    }
    regulations.push(...r.regulations);
    issues.push(...r.issues);
    evidenceIssues.push(...r.evidenceIssues);
    for (const [k, v] of r.ruleFiles) ruleFiles.set(k, v);
  }
  return { tax, regulations, questions: q.questions, ruleFiles, issues, evidenceIssues };
}

function fromBundle(b: BundleData): RuleLibrary {
  const tax = useTaxonomy(new TaxonomyClass(b.taxonomy));
  return {
    tax,
    regulations: b.regulations,
    questions: b.questions,
    ruleFiles: new Map(b.ruleFiles.map(([k, v]) => [k, join(PACKAGE_ROOT, v)])),
    issues: [],
    evidenceIssues: [],
  };
}

/** Load the library, failing with every issue if a pack is broken. */
export function requireLibrary(extraDirs: string[] = []): RuleLibrary {
  const lib = loadLibrary(extraDirs);
  if (lib.issues.length) throw new InputError(lib.issues, 'the rule library has problems');
  return lib;
}

export function requireFlow(file: string, tax: Taxonomy): Flow {
  const r = loadFlow(file, tax);
  if (!r.flow) throw new InputError(r.issues);
  return r.flow;
}

export function requireStatus(file: string): StatusFile {
  const r = readYaml<StatusFile>(file, 'status');
  if (!r.value) throw new InputError(r.issues);
  return r.value;
}

export interface CheckOptions {
  asOf: string;
  markets?: string[];
  status?: StatusFile;
}

export function check(lib: RuleLibrary, flow: Flow, options: CheckOptions): Report {
  return evaluate(flow, lib.regulations, lib.tax, {
    asOf: options.asOf,
    toolVersion: toolVersion(),
    ...(options.markets ? { markets: options.markets } : {}),
    ...(options.status ? { status: options.status } : {}),
    questions: lib.questions,
  });
}
