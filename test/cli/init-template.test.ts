// `init` writes every fact the rules read: each fact a to-confirm item names, in the
// bundled example or in any rule's fixtures, has its place in the template.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { evaluate } from '../../src/core/assemble.js';
import { check, loadLibrary, requireFlow } from '../../src/library.js';
import { packagePath } from '../../src/load/paths.js';
import { DEFAULT_REGULATIONS_DIR, listPacks } from '../../src/load/regulations.js';
import { fixtureFlows } from '../../src/testing/rule-tests.js';
import { EXAMPLE } from './run.js';

/** A fact as the engine names it, as a path through the template: vendors[adnet].sellsOrShares → vendors.*.sellsOrShares. */
function templatePath(fact: string): string {
  if (/^players in /.test(fact)) return 'markets.*.players';
  return fact.replace(/\[[^\]]*\]/g, '.*');
}

function present(doc: unknown, path: string[]): boolean {
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(doc) && doc.some((x) => present(x, rest));
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) && head! in doc && present((doc as Record<string, unknown>)[head!], rest);
}

describe('init template', () => {
  const lib = loadLibrary();
  const template = YAML.parse(readFileSync(packagePath('templates', 'init.yaml'), 'utf8'));

  it('holds every fact a to-confirm item names in the example and the rule fixtures', () => {
    const facts = new Set<string>();
    const example = check(lib, requireFlow(EXAMPLE, lib.tax), { asOf: '2026-11-25' });
    for (const i of example.items) for (const u of i.unknown) facts.add(u);
    for (const r of example.regulations) for (const u of r.unknown) facts.add(u);
    for (const pack of listPacks(DEFAULT_REGULATIONS_DIR)) {
      const reg = lib.regulations.find((r) => r.id === basename(pack.dir))!;
      for (const file of pack.testFiles)
        for (const { flow, asOf } of fixtureFlows(file, reg, lib.tax)) {
          const report = evaluate(flow, [reg], lib.tax, { asOf, toolVersion: 'test' });
          for (const i of report.items) for (const u of i.unknown) facts.add(u);
          for (const r of report.regulations) for (const u of r.unknown) facts.add(u);
        }
    }
    // the facts that opened most items in a first trial are among them, so the sweep reaches the rules
    for (const f of ['controller.revenueShareFromDataSales', 'features', 'audience.ageGate', 'audience.knownChildren']) expect(facts, f).toContain(f);
    expect([...facts].map(templatePath)).toEqual(expect.arrayContaining(['vendors.*.sellsOrShares', 'vendors.*.dpfCertified']));
    const missing = [...new Set([...facts].map(templatePath))].filter((p) => !present(template, p.split('.'))).sort();
    expect(missing).toEqual([]);
  });
});
