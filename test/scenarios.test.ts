// Cross-law scenarios as data (test/scenarios/*.yaml, schemas/scenario.schema.json):
// each case's flow against the whole bundled library, asserting the item ids
// that must be present and those that must be absent, across packs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../src/library.js';
import { runScenarioFile } from '../src/testing/scenarios.js';
import { loadTaxonomy } from '../src/load/taxonomy.js';
import { loadQuestions } from '../src/load/regulations.js';

const DIR = 'test/scenarios';
const AS_OF = '2026-12-04';
const lib = loadLibrary();
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'base.yaml')
  .sort();

describe('cross-law scenarios', () => {
  it('there are scenarios to run', () => expect(files.length).toBeGreaterThan(0));
  for (const name of files)
    describe(name, () => {
      const report = runScenarioFile(join(DIR, name), lib, AS_OF);
      it('is well-formed', () => expect(report.issues).toEqual([]));
      for (const r of report.results) it(r.name, () => expect(r.failures).toEqual([]));
    });
});

describe('the scenario harness', () => {
  // A one-rule library, so each expectation kind is seen to fail when it should.
  const tax = loadTaxonomy();
  const one = loadLibrary().regulations.filter((r) => r.id === 'eu-gdpr');
  const small = { tax, regulations: one, questions: loadQuestions().questions };
  const run = (yaml: string) => {
    const report = runScenarioFile(join(DIR, 'harness', yaml), small, AS_OF);
    expect(report.issues).toEqual([]);
    return report.results.flatMap((r) => r.failures);
  };
  it('fails an expected id not found, a present id listed as absent, a wrong determination and an unknown rule', () => {
    const failures = run('failing.yaml');
    expect(failures.map((f) => f.split(': ')[0])).toEqual(['eu-gdpr/no-such-rule', 'eu-gdpr/no-such-rule', 'eu-gdpr/security', 'eu-gdpr/security']);
  });
});
