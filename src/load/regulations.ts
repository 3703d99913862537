// Rule packs on disk: regulations/<id>/regulation.yaml and rules/<rule>.yaml,
// with fixtures beside each rule as rules/<rule>.test.yaml.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Issue, Question, Regulation, Rule } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { lintRegulation, lintRule } from '../core/lint-pack.js';
import { locateIssues, readYaml } from './read.js';
import { packagePath } from './paths.js';

export const DEFAULT_REGULATIONS_DIR = packagePath('regulations');
export const DEFAULT_QUESTIONS_DIR = packagePath('questions');

export interface PackFiles {
  dir: string;
  regulationFile: string;
  ruleFiles: string[];
  testFiles: string[];
}

export function listPacks(root: string): PackFiles[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const rulesDir = join(dir, 'rules');
      const files = existsSync(rulesDir) ? readdirSync(rulesDir).filter((f) => f.endsWith('.yaml')).sort() : [];
      return {
        dir,
        regulationFile: join(dir, 'regulation.yaml'),
        ruleFiles: files.filter((f) => !f.endsWith('.test.yaml')).map((f) => join(rulesDir, f)),
        testFiles: files.filter((f) => f.endsWith('.test.yaml')).map((f) => join(rulesDir, f)),
      };
    });
}

/** The question bank: every questions/*.yaml file, ids unique across them. */
export function loadQuestions(dir = DEFAULT_QUESTIONS_DIR): { questions: Question[]; issues: Issue[] } {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
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
}

/** What is wrong with a folder given as a folder of rule packs, if anything. */
function packFolderIssue(root: string, packs: readonly PackFiles[]): Issue | undefined {
  const at = (message: string, hint?: string): Issue => ({ file: root, pointer: '', message, ...(hint ? { hint } : {}) });
  if (!existsSync(root)) return at('rule pack folder not found');
  if (!statSync(root).isDirectory()) return at('is a file, not a folder of rule packs');
  if (existsSync(join(root, 'regulation.yaml')))
    return at('is one rule pack; give the folder that holds rule packs', `--rules ${dirname(root)}`);
  if (packs.length === 0) return at('holds no rule packs', 'a rule pack is a folder with a regulation.yaml and a rules/ folder');
  return undefined;
}

/** Load and check every pack under a folder; every issue at once. */
export function loadRegulations(root: string, tax: Taxonomy, questionIds: ReadonlySet<string>): LoadedPacks {
  const regulations: Regulation[] = [];
  const issues: Issue[] = [];
  const ruleFiles = new Map<string, string>();
  const packs = listPacks(root);
  const folderIssue = packFolderIssue(root, packs);
  if (folderIssue) return { regulations, issues: [folderIssue], ruleFiles };
  for (const pack of packs) {
    const packId = basename(pack.dir);
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
    const regIssues = lintRegulation(reg, tax, pack.regulationFile);
    if (reg.id !== packId) regIssues.push({ file: pack.regulationFile, pointer: '/id', message: `id "${reg.id}" does not match its folder "${packId}"` });
    issues.push(...locateIssues(regIssues, r.parsed));
    for (const file of pack.ruleFiles) {
      const rr = readYaml<Rule>(file, 'rule');
      if (!rr.value) {
        issues.push(...rr.issues);
        continue;
      }
      const rule = rr.value;
      const ruleIssues = lintRule(rule, reg, tax, questionIds, file);
      const expected = basename(file, '.yaml');
      if (rule.id !== expected) ruleIssues.push({ file, pointer: '/id', message: `id "${rule.id}" does not match its file name "${expected}"` });
      issues.push(...locateIssues(ruleIssues, rr.parsed));
      reg.rules.push(rule);
      ruleFiles.set(`${reg.id}/${rule.id}`, file);
    }
    regulations.push(reg);
  }
  const ids = new Set<string>();
  for (const reg of regulations) {
    if (ids.has(reg.id)) issues.push({ file: root, pointer: '', message: `two packs share the id "${reg.id}"` });
    ids.add(reg.id);
  }
  return { regulations, issues, ruleFiles };
}
