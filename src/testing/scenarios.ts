// Cross-law scenarios as data: a flow (a base with each case merged over it, as
// in rule fixtures) checked against the whole library, with the item ids that
// must be there and those that must not, across several packs. Ids, never
// texts: a reworded rule leaves a scenario alone, a lost or stray item fails it.
import { dirname, join, resolve } from 'node:path';
import type { Determination, Issue, Question, Regulation, ReportItem } from '../core/types.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { evaluate } from '../core/assemble.js';
import { readYaml } from '../load/read.js';
import { caseFlow, loadBase } from './rule-tests.js';

type Present = string | { id: string; determination?: Determination; unknown?: string[] };
interface ScenarioCase {
  name: string;
  asOf?: string;
  flow: Record<string, unknown>;
  present?: Present[];
  absent?: string[];
}
export interface ScenarioFile {
  description: string;
  base?: string;
  asOf?: string;
  cases: ScenarioCase[];
}

export interface ScenarioLibrary {
  tax: Taxonomy;
  regulations: Regulation[];
  questions: Question[];
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  /** each expectation that failed, one line each */
  failures: string[];
}

export interface ScenarioReport {
  file: string;
  results: ScenarioResult[];
  issues: Issue[];
}

/** An expected id matches an item with that id, or (as `<pack>/<rule>`) every item of that rule. */
const matches = (want: string) => (i: ReportItem) => i.id === want || i.id.startsWith(`${want}/`);

/** Every expected id the library does not know (a typo would otherwise pass as absent). */
function unknownRules(ids: readonly string[], regulations: readonly Regulation[]): string[] {
  const rules = new Set(regulations.flatMap((r) => r.rules.map((x) => `${r.id}/${x.id}`)));
  return ids.filter((id) => !rules.has(id.split('/').slice(0, 2).join('/')));
}

export function runScenarioFile(file: string, lib: ScenarioLibrary, defaultAsOf: string): ScenarioReport {
  const report: ScenarioReport = { file, results: [], issues: [] };
  const r = readYaml<ScenarioFile>(file, 'scenario');
  if (!r.value) {
    report.issues.push(...r.issues);
    return report;
  }
  const spec = r.value;
  const baseFile = spec.base ? resolve(dirname(file), spec.base) : join(dirname(file), 'base.yaml');
  const base = loadBase(baseFile, file);
  if (!base.value) {
    report.issues.push(...base.issues);
    return report;
  }
  const names = new Set<string>();
  for (const c of spec.cases) {
    if (names.has(c.name)) report.issues.push({ file, pointer: '', message: `two cases are named "${c.name}"` });
    names.add(c.name);
    if (!c.present?.length && !c.absent?.length)
      report.issues.push({ file, pointer: '', message: `case "${c.name}" expects nothing: give present or absent ids` });
    const present = (c.present ?? []).map((p) => (typeof p === 'string' ? { id: p } : p));
    const absent = c.absent ?? [];
    const failures = unknownRules([...present.map((p) => p.id), ...absent], lib.regulations).map((id) => `${id}: no such rule in the library`);
    const { flow, issues } = caseFlow(base.value, c, `${file} (case "${c.name}")`, lib.tax);
    if (!flow) {
      report.results.push({ name: c.name, ok: false, failures: [`the case's flow is invalid: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`] });
      continue;
    }
    const items = evaluate(flow, lib.regulations, lib.tax, {
      asOf: c.asOf ?? spec.asOf ?? defaultAsOf,
      toolVersion: 'scenario',
      questions: lib.questions,
    }).items;
    for (const p of present) {
      const found = items.filter(matches(p.id));
      if (!found.length) {
        failures.push(`${p.id}: expected, not found`);
        continue;
      }
      for (const i of found) {
        if (p.determination && i.determination !== p.determination) failures.push(`${i.id}: expected ${p.determination}, found ${i.determination}`);
        const missing = (p.unknown ?? []).filter((f) => !(i.unknown ?? []).includes(f));
        if (missing.length) failures.push(`${i.id}: expected to confirm ${missing.join(', ')}, names ${(i.unknown ?? []).join(', ') || 'nothing'}`);
      }
    }
    for (const id of absent) for (const i of items.filter(matches(id))) failures.push(`${i.id}: must be absent, found (${i.determination})`);
    report.results.push({ name: c.name, ok: failures.length === 0, failures });
  }
  return report;
}
