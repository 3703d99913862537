// Every rule's fixtures, discovered from regulations/**/rules/*.test.yaml and
// run through the same harness as `complyflow rules test`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGULATIONS_DIR, listPacks } from '../src/load/regulations.js';
import { runRuleTestFile } from '../src/testing/rule-tests.js';
import { loadLibrary } from '../src/library.js';

const lib = loadLibrary();
const packs = listPacks(DEFAULT_REGULATIONS_DIR);

describe.each(packs.map((p) => [basename(p.dir), p] as const))('%s', (id, pack) => {
  const reg = lib.regulations.find((r) => r.id === id);
  it.each(pack.testFiles.map((f) => [basename(f, '.test.yaml'), f] as const))('%s', (_rule, file) => {
    expect(reg, `pack ${id} failed to load`).toBeDefined();
    const report = runRuleTestFile(file, reg!, lib.tax);
    expect(report.issues.map((i) => `${i.pointer} ${i.message}`)).toEqual([]);
    const failures = report.results.filter((r) => !r.ok).map((r) => `[${r.kind}] ${r.name}: ${r.message}`);
    expect(failures).toEqual([]);
    expect(report.results.some((r) => r.kind === 'valid')).toBe(true);
    expect(report.results.some((r) => r.kind === 'invalid')).toBe(true);
  });
});

/**
 * A pack's fixture file with one edit, run from a copy (its base flow beside it, as in the pack):
 * the messages of the cases that fail.
 */
function editedFixture(packId: string, fixture: string) {
  const pack = packs.find((p) => basename(p.dir) === packId)!;
  const reg = lib.regulations.find((r) => r.id === packId)!;
  const file = pack.testFiles.find((f) => basename(f) === fixture)!;
  const original = readFileSync(file, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'complyflow-fixture-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (edit: (text: string) => string) => {
    mkdirSync(join(dir, 'rules'), { recursive: true });
    mkdirSync(join(dir, 'fixtures'), { recursive: true });
    copyFileSync(join(pack.dir, 'fixtures', 'base.yaml'), join(dir, 'fixtures', 'base.yaml'));
    const copy = join(dir, 'rules', basename(file));
    writeFileSync(copy, edit(original));
    return runRuleTestFile(copy, reg, lib.tax)
      .results.filter((r) => !r.ok)
      .map((r) => r.message);
  };
}

describe('fixtures of a rule with items: one name the subjects that trigger its item', () => {
  const run = editedFixture('us-co-cpa', 'opt-out-targeted-advertising-sale.test.yaml');
  it('passes as written, and fails when the triggers are left out or wrong', () => {
    expect(run((t) => t)).toEqual([]);
    const left = run((t) => t.replace(/\n {4}triggers:\n {4}- telemetry/, ''));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/not given: add triggers/);
    expect(run((t) => t.replace(/\n( {4}triggers:\n {4}- )telemetry/, '\n$1ads'))[0]).toMatch(
      /expected game \(applies\) triggered by ads, found game \(applies\) triggered by telemetry/,
    );
  });
});

describe('fixtures can say which facts a to-confirm item names', () => {
  const run = editedFixture('sg-pdpa', 'transfer-mechanism.test.yaml');
  const withFacts = (facts: string) => (t: string) =>
    t.replace(
      'expect: [{ subject: host@unknown, determination: to-confirm }]',
      `expect: [{ subject: host@unknown, determination: to-confirm, unknown: [${facts}] }]`,
    );
  it('passes with the right facts and fails with a wrong or missing one', () => {
    expect(run(withFacts("'vendors[host].regions'"))).toEqual([]);
    expect(run(withFacts("'vendors[other].regions'"))[0]).toMatch(/to confirm vendors\[other\]\.regions, found .*to confirm vendors\[host\]\.regions/);
    expect(run(withFacts(''))[0]).toMatch(/to confirm nothing, found/);
  });
});
