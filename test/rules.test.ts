// Every rule's fixtures, discovered from regulations/**/rules/*.test.yaml and
// run through the same harness as `complyflow rules test`.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
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
