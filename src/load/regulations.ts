// Rule packs on disk: regulations/<id>/regulation.yaml and rules/<rule>.yaml,
// with fixtures beside each rule as rules/<rule>.test.yaml.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { yamlLib } from './yaml-lib.js';
import type { Condition, Issue, NamedCondition, Question, Regulation, Rule } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { lintRegulation, lintRule, ruleTexts } from '../core/lint-pack.js';
import { lintRegulationEvidence, lintRuleEvidence } from '../core/lint-evidence.js';
import { templateProblem } from '../core/texts.js';
import { expandRefs, hasRefs, type ConditionLibrary } from '../core/named-conditions.js';
import { locateIssues, readYaml } from './read.js';
import { packagePath } from './paths.js';
import type { ParsedYaml } from './yaml.js';
import { pointerKeys } from './pointer.js';

export const DEFAULT_REGULATIONS_DIR = packagePath('regulations');
export const DEFAULT_QUESTIONS_DIR = packagePath('questions');
export const DEFAULT_CONDITIONS_DIR = packagePath('conditions');

/** The shared library of named conditions: every conditions/*.yaml file, names unique across them. */
export function loadConditions(dir = DEFAULT_CONDITIONS_DIR): { conditions: ConditionLibrary; issues: Issue[] } {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  const conditions = new Map<string, NamedCondition & { origin: string }>();
  const issues: Issue[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const r = readYaml<{ conditions: Record<string, NamedCondition> }>(file, 'conditions');
    if (!r.value) {
      issues.push(...r.issues);
      continue;
    }
    const local: Issue[] = [];
    for (const [key, def] of Object.entries(r.value.conditions)) {
      const first = conditions.get(key);
      if (first) local.push({ file, pointer: `/conditions/${key}`, message: `named condition "${key}" is already defined`, hint: `in ${first.origin}` });
      else conditions.set(key, { ...def, origin: file });
    }
    issues.push(...locateIssues(local, r.parsed));
  }
  // Unknown names and cycles within the library are reported here, once, in their own files.
  const expanded = new Map<string, Condition>();
  for (const [key, def] of conditions) {
    const found: Issue[] = [];
    expandRefs({ ref: key }, conditions, { file: def.origin, pointer: '' }, found, expanded);
    issues.push(...found.filter((i) => i.pointer !== '/ref'));
  }
  return { conditions, issues: dedupeIssues(issues) };
}

function dedupeIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\0${i.pointer}\0${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The named conditions a pack sees: the shared library's and its own (a pack cannot redefine a shared name). */
function packConditions(reg: Regulation, shared: ConditionLibrary, file: string, issues: Issue[]): ConditionLibrary {
  if (!reg.conditions) return shared;
  const lib = new Map(shared);
  for (const [key, def] of Object.entries(reg.conditions)) {
    const first = shared.get(key);
    if (first)
      issues.push({
        file,
        pointer: `/conditions/${key}`,
        message: `named condition "${key}" is already defined in the shared library`,
        hint: `in ${first.origin}; use {ref: ${key}} or pick another name`,
      });
    else lib.set(key, { ...def, origin: file });
  }
  return lib;
}

export interface PackFiles {
  dir: string;
  regulationFile: string;
  ruleFiles: string[];
  testFiles: string[];
  /** the pack folder, its rules folder or files in them that a link leads out of the pack folder: refused, never read */
  outside: string[];
}

/** Whether a path, links followed, is the folder or inside it; a path that does not exist is left to whoever reads it. */
function within(realFolder: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return true;
  }
  return real === realFolder || real.startsWith(realFolder.endsWith(sep) ? realFolder : realFolder + sep);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The packs under a folder and their files. A pack is read only from its own
 * folder: a pack folder that a link takes out of the folder given, or a file
 * or rules folder that a link takes out of its pack, is listed as outside and
 * nothing else of it is read.
 */
export function listPacks(root: string): PackFiles[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const realRoot = realpathSync(root);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => (d.isDirectory() || (d.isSymbolicLink() && isFolder(join(root, d.name)))) && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const rulesDir = join(dir, 'rules');
      const regulationFile = join(dir, 'regulation.yaml');
      const pack: PackFiles = { dir, regulationFile, ruleFiles: [], testFiles: [], outside: [] };
      if (!within(realRoot, dir)) {
        pack.outside.push(dir);
        return pack;
      }
      const realDir = realpathSync(dir);
      if (!within(realDir, regulationFile)) pack.outside.push(regulationFile);
      if (!existsSync(rulesDir)) return pack;
      if (!within(realDir, rulesDir)) {
        pack.outside.push(rulesDir);
        return pack;
      }
      for (const f of readdirSync(rulesDir)
        .filter((n) => n.endsWith('.yaml'))
        .sort()) {
        const file = join(rulesDir, f);
        if (!within(realDir, file)) pack.outside.push(file);
        else if (f.endsWith('.test.yaml')) pack.testFiles.push(file);
        else pack.ruleFiles.push(file);
      }
      return pack;
    });
}

/** The question bank: every questions/*.yaml file, ids unique across them. */
export function loadQuestions(dir = DEFAULT_QUESTIONS_DIR): { questions: Question[]; issues: Issue[] } {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
  const questions: Question[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    const r = readYaml<{ questions: Question[] }>(file, 'questions');
    if (!r.value) {
      issues.push(...r.issues);
      continue;
    }
    const local: Issue[] = [];
    r.value.questions.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first) local.push({ file, pointer: `/questions/${i}/id`, message: `duplicate question id "${q.id}"`, hint: `already in ${first}` });
      else seen.set(q.id, name);
      questions.push(q);
    });
    issues.push(...locateIssues(local, r.parsed));
  }
  return { questions, issues };
}

export interface LoadedPacks {
  regulations: Regulation[];
  issues: Issue[];
  /** rule id → the file it came from, for tools that report on rules */
  ruleFiles: Map<string, string>;
  /** verified facts without their evidence: the pack runs, but `rules lint` refuses it */
  evidenceIssues: Issue[];
}

/**
 * A rule text's template problem at the column of the offending `{{`, where
 * the text stands on one line as written (plain, or quoted with no escape
 * before it); elsewhere at the start of the text.
 */
function atTemplateProblem(issue: Issue, rule: Rule, parsed: ParsedYaml | undefined): Issue {
  const text = ruleTexts(rule).find(([pointer]) => pointer === issue.pointer)?.[1];
  const problem = text === undefined ? undefined : templateProblem(text);
  const node = problem && parsed?.doc?.getIn(pointerKeys(issue.pointer), true);
  if (!problem || !yamlLib().isScalar(node) || !node.range) return issue;
  const [start, end] = node.range;
  const written = end - start;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const offset =
    node.type === 'PLAIN' && written === text!.length ? start + problem.at : quoted && written === text!.length + 2 ? start + 1 + problem.at : undefined;
  if (offset === undefined) return issue;
  const p = parsed!.lines.linePos(offset);
  return { ...issue, line: p.line, column: p.col };
}

/** What is wrong with a folder given as a folder of rule packs, if anything. */
function packFolderIssue(root: string, packs: readonly PackFiles[]): Issue | undefined {
  const at = (message: string, hint?: string): Issue => ({ file: root, pointer: '', message, ...(hint ? { hint } : {}) });
  if (!existsSync(root)) return at('rule pack folder not found');
  if (!statSync(root).isDirectory()) return at('is a file, not a folder of rule packs');
  if (existsSync(join(root, 'regulation.yaml'))) return at('is one rule pack; give the folder that holds rule packs', `--rules ${dirname(root)}`);
  if (packs.length === 0) return at('holds no rule packs', 'a rule pack is a folder with a regulation.yaml and a rules/ folder');
  return undefined;
}

/** Load and check every pack under a folder; every issue at once. */
export function loadRegulations(root: string, tax: Taxonomy, questionIds: ReadonlySet<string>, shared: ConditionLibrary = new Map()): LoadedPacks {
  const regulations: Regulation[] = [];
  const issues: Issue[] = [];
  const ruleFiles = new Map<string, string>();
  const evidenceIssues: Issue[] = [];
  const packs = listPacks(root);
  const folderIssue = packFolderIssue(root, packs);
  if (folderIssue) return { regulations, issues: [folderIssue], ruleFiles, evidenceIssues };
  for (const pack of packs) {
    const packId = basename(pack.dir);
    for (const file of pack.outside)
      issues.push({
        file,
        pointer: '',
        message: 'is a link that leads out of its rule pack folder: refused, not read',
        hint: 'copy the file into the pack folder',
      });
    if (pack.outside.includes(pack.dir) || pack.outside.includes(pack.regulationFile)) continue;
    if (!existsSync(pack.regulationFile)) {
      issues.push({ file: pack.dir, pointer: '', message: 'rule pack has no regulation.yaml' });
      continue;
    }
    const r = readYaml<Omit<Regulation, 'rules'>>(pack.regulationFile, 'regulation');
    if (!r.value) {
      issues.push(...r.issues);
      continue;
    }
    const reg: Regulation = { ...r.value, rules: [] };
    const regIssues: Issue[] = [];
    const named = packConditions(reg, shared, pack.regulationFile, regIssues);
    const resolve = (name: string): Condition | undefined => named.get(name)?.when;
    // One expansion per name and pack, so every rule shares the same condition object (and its cached outcomes).
    const expanded = new Map<string, Condition>();
    // Problems inside a definition belong to the file that defines it: the pack's own are located in regulation.yaml
    // (once), the shared library's were reported when it loaded.
    const inDefinitions: Issue[] = [];
    const expand = (cond: Condition, file: string, pointer: string, into: Issue[]) => {
      const found: Issue[] = [];
      const out = expandRefs(cond, named, { file, pointer }, found, expanded);
      for (const i of found) (i.file === file ? into : i.file === pack.regulationFile ? inDefinitions : []).push(i);
      return out;
    };
    regIssues.push(...lintRegulation(reg, tax, pack.regulationFile, resolve));
    if (hasRefs(reg.appliesWhen)) reg.appliesWhen = expand(reg.appliesWhen, pack.regulationFile, '/appliesWhen', regIssues);
    if (reg.id !== packId) regIssues.push({ file: pack.regulationFile, pointer: '/id', message: `id "${reg.id}" does not match its folder "${packId}"` });
    issues.push(...locateIssues(regIssues, r.parsed));
    evidenceIssues.push(...locateIssues(lintRegulationEvidence(reg, pack.regulationFile), r.parsed));
    for (const file of pack.ruleFiles) {
      const rr = readYaml<Rule>(file, 'rule');
      if (!rr.value) {
        issues.push(...rr.issues);
        continue;
      }
      const rule = rr.value;
      const ruleIssues: Issue[] = [];
      if (hasRefs(rule.when)) {
        rule.whenAsWritten = rule.when;
        rule.when = expand(rule.when, file, '/when', ruleIssues);
      }
      ruleIssues.push(...lintRule(rule, reg, tax, questionIds, file, resolve));
      const expected = basename(file, '.yaml');
      if (rule.id !== expected) ruleIssues.push({ file, pointer: '/id', message: `id "${rule.id}" does not match its file name "${expected}"` });
      issues.push(...locateIssues(ruleIssues, rr.parsed).map((i) => atTemplateProblem(i, rule, rr.parsed)));
      evidenceIssues.push(...locateIssues(lintRuleEvidence(rule, reg, file), rr.parsed));
      reg.rules.push(rule);
      ruleFiles.set(`${reg.id}/${rule.id}`, file);
    }
    issues.push(...locateIssues(dedupeIssues(inDefinitions), r.parsed));
    regulations.push(reg);
  }
  const ids = new Set<string>();
  for (const reg of regulations) {
    if (ids.has(reg.id)) issues.push({ file: root, pointer: '', message: `two packs share the id "${reg.id}"` });
    ids.add(reg.id);
  }
  return { regulations, issues, ruleFiles, evidenceIssues };
}
