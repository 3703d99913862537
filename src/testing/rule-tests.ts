// The rule fixture harness (semgrep `ruleid:/ok:`, ESLint RuleTester): each
// rule's .test.yaml lists flows on which it must fire (invalid, with the
// exact findings expected) and must not (valid). Used by the test suite and
// by `complyflow rules test`.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Flow, Issue, Regulation } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { deepMerge } from '../core/merge.js';
import { evaluateRegulation, givesOneItem } from '../core/evaluate.js';
import { indexFlow } from '../core/subjects.js';
import { checkFlow } from '../core/check-flow.js';
import { validateWith } from '../load/schema.js';
import { normalizeFlow } from '../load/flow.js';
import { readYaml } from '../load/read.js';
import type { Determination } from '../core/types.js';

interface Expect {
  subject: string;
  determination?: Determination;
  /** for a rule with `items: one`: the subjects that trigger its item */
  triggers?: string[];
  /** for a to-confirm item: exactly the facts it names as deciding it (any order) */
  unknown?: string[];
}
/** What the rule gave on a case, in the terms of an expectation. */
interface Found {
  subject: string;
  determination: Determination;
  triggers?: readonly string[];
  unknown?: readonly string[];
}
interface Case {
  name: string;
  asOf?: string;
  flow: Record<string, unknown>;
  expect?: Expect[];
}
export interface RuleTestFile {
  rule: string;
  base?: string;
  asOf?: string;
  valid: Case[];
  invalid: Case[];
  todo?: Array<{ name: string; why?: string }>;
}

export interface CaseResult {
  rule: string;
  kind: 'valid' | 'invalid';
  name: string;
  ok: boolean;
  message?: string;
}

export interface RuleTestReport {
  file: string;
  rule: string;
  results: CaseResult[];
  issues: Issue[];
  todo: string[];
}

const baseCache = new Map<string, { value?: Flow; issues: Issue[] }>();

/**
 * The base flow a fixture or scenario file (`from`) merges its cases over,
 * read once per run; a missing one is reported at that file's `base`.
 */
export function loadBase(file: string, from: string): { value?: Flow; issues: Issue[] } {
  if (!existsSync(file)) return { issues: [{ file: from, pointer: '/base', message: `base flow not found: ${file}` }] };
  let b = baseCache.get(file);
  if (!b) {
    const r = readYaml<Flow>(file, 'flow');
    b = { ...(r.value ? { value: r.value } : {}), issues: r.issues };
    baseCache.set(file, b);
  }
  return b;
}

function subjectKey(itemSubject: { type: string; id: string }): string {
  return itemSubject.type === 'game' ? 'game' : itemSubject.id;
}

export function runRuleTestFile(file: string, reg: Regulation, tax: Taxonomy): RuleTestReport {
  const ruleId = basename(file, '.test.yaml');
  const report: RuleTestReport = { file, rule: ruleId, results: [], issues: [], todo: [] };
  const r = readYaml<RuleTestFile>(file, 'rule-test');
  if (!r.value) {
    report.issues.push(...r.issues);
    return report;
  }
  const spec = r.value;
  if (spec.rule !== ruleId) report.issues.push({ file, pointer: '/rule', message: `rule "${spec.rule}" does not match the file name "${ruleId}"` });
  const rule = reg.rules.find((x) => x.id === ruleId);
  if (!rule) {
    report.issues.push({ file, pointer: '', message: `no rule "${ruleId}" in ${reg.id}` });
    return report;
  }
  const base = loadBase(baseFileOf(file, spec), file);
  if (!base.value) {
    report.issues.push(...base.issues);
    return report;
  }
  const names = new Set<string>();
  const only: Regulation = { ...reg, rules: [rule] };
  for (const kind of ['valid', 'invalid'] as const) {
    for (const c of spec[kind]) {
      if (names.has(c.name)) report.issues.push({ file, pointer: '', message: `two cases are named "${c.name}"` });
      names.add(c.name);
      const { flow, issues } = caseFlow(base.value, c, `${file} (case "${c.name}")`, tax);
      if (!flow) {
        report.results.push({
          rule: ruleId,
          kind,
          name: c.name,
          ok: false,
          message: `the case's flow is invalid: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`,
        });
        continue;
      }
      const asOf = c.asOf ?? spec.asOf ?? reg.lastReviewed;
      let got: Found[];
      try {
        got = evaluateRegulation(only, indexFlow(flow), tax, asOf).findings.map((f) => ({
          subject: subjectKey(f.item.subject),
          determination: f.item.determination,
          ...(f.triggers ? { triggers: f.triggers } : {}),
          unknown: f.item.unknown,
        }));
      } catch (e) {
        report.results.push({ rule: ruleId, kind, name: c.name, ok: false, message: `evaluation failed: ${(e as Error).message}` });
        continue;
      }
      // A single item standing for several subjects (`items: one`) is also told by the subjects that trigger it.
      const oneItem = givesOneItem(rule);
      // The facts a to-confirm item names are compared where the case states them.
      const factsAsked = new Set((c.expect ?? []).filter((e) => e.unknown).map((e) => e.subject));
      const label = (x: Expect | Found) =>
        `${x.subject} (${x.determination ?? 'applies'})${oneItem ? ` triggered by ${x.triggers ? [...x.triggers].sort().join(', ') || 'nothing' : '(not given: add triggers)'}` : ''}` +
        (factsAsked.has(x.subject) ? ` to confirm ${[...new Set(x.unknown ?? [])].sort().join(', ') || 'nothing'}` : '');
      const show = (xs: Found[]) => (xs.length ? xs.map(label).sort().join('; ') : 'nothing');
      if (kind === 'valid') {
        const ok = got.length === 0;
        report.results.push({ rule: ruleId, kind, name: c.name, ok, ...(ok ? {} : { message: `must not fire, but found ${show(got)}` }) });
      } else {
        const want = (c.expect ?? []).map(label).sort();
        const have = got.map(label).sort();
        const ok = JSON.stringify(want) === JSON.stringify(have);
        report.results.push({
          rule: ruleId,
          kind,
          name: c.name,
          ok,
          ...(ok ? {} : { message: `expected ${want.join('; ') || 'nothing'}, found ${show(got)}` }),
        });
      }
    }
  }
  report.todo = (spec.todo ?? []).map((t) => t.name);
  return report;
}

/** The base flow a fixture file's cases are merged into: its own `base`, or the pack's fixtures/base.yaml. */
function baseFileOf(file: string, spec: RuleTestFile): string {
  return spec.base ? resolve(dirname(file), spec.base) : join(dirname(file), '..', 'fixtures', 'base.yaml');
}

/** A case's flow: the base with the case merged in, if it passes the schema and the reference checks. */
export function caseFlow(base: Flow, c: { flow: Record<string, unknown> }, label: string, tax: Taxonomy): { flow?: Flow; issues: Issue[] } {
  const merged = deepMerge(base, c.flow);
  const schemaIssues = validateWith('flow', label, merged);
  if (schemaIssues.length) return { issues: schemaIssues };
  const flow = normalizeFlow(merged as Flow);
  const refIssues = checkFlow(flow, tax, label);
  return refIssues.length ? { issues: refIssues } : { flow, issues: [] };
}

/** Every well-formed flow in a rule's fixture file, with the date it is evaluated at (for tests that sweep fixtures). */
export function fixtureFlows(file: string, reg: Regulation, tax: Taxonomy): Array<{ name: string; flow: Flow; asOf: string }> {
  const spec = readYaml<RuleTestFile>(file, 'rule-test').value;
  if (!spec) return [];
  const base = loadBase(baseFileOf(file, spec), file).value;
  if (!base) return [];
  const out: Array<{ name: string; flow: Flow; asOf: string }> = [];
  for (const c of [...spec.valid, ...spec.invalid]) {
    const { flow } = caseFlow(base, c, file, tax);
    if (flow) out.push({ name: c.name, flow, asOf: c.asOf ?? spec.asOf ?? reg.lastReviewed });
  }
  return out;
}
