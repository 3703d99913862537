// The repo checks its own conventions: packs load clean, ids match file
// names, every rule has fixtures and an exact citation, ids are unique.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../src/load/paths.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_REGULATIONS_DIR, listPacks } from '../src/load/regulations.js';
import { loadLibrary, loadLibraryFromSources } from '../src/library.js';

const lib = loadLibrary();
const packs = listPacks(DEFAULT_REGULATIONS_DIR);

describe('architecture', () => {
  it('src/core stays pure: no file system, process, clock or network', () => {
    const dir = join(PACKAGE_ROOT, 'src', 'core');
    const offenders: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      // node:crypto is allowed: hashing (v5 UUIDs) is pure computation
      for (const m of text.matchAll(/from 'node:([a-z_/]+)'|\bprocess\.|\bDate\.now\(|new Date\(\)|\bfetch\(/g))
        if (m[1] !== 'crypto') offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('rule library conventions', () => {
  it('every pack and rule passes schema and lint checks', () => {
    expect(lib.issues.map((i) => `${i.file}:${i.line ?? ''} ${i.message}`)).toEqual([]);
  });

  it('there are rule packs to check', () => {
    expect(packs.length).toBeGreaterThan(0);
  });

  it.each(packs.map((p) => [basename(p.dir), p] as const))('%s: files, ids and fixtures line up', (id, pack) => {
    const reg = parse(readFileSync(pack.regulationFile, 'utf8')) as { id: string; sources: unknown[]; lastReviewed: string };
    expect(reg.id).toBe(id);
    expect(reg.sources.length).toBeGreaterThan(0);
    const ruleIds = pack.ruleFiles.map((f) => basename(f, '.yaml'));
    const testIds = pack.testFiles.map((f) => basename(f, '.test.yaml'));
    expect(ruleIds.length).toBeGreaterThan(0);
    // every rule has fixtures, every fixture file has a rule
    expect([...testIds].sort()).toEqual([...ruleIds].sort());
    for (const f of pack.ruleFiles) {
      const rule = parse(readFileSync(f, 'utf8')) as { id: string; citation: string; verification?: string; note?: string };
      expect(rule.id, f).toBe(basename(f, '.yaml'));
      expect(rule.citation.trim().length, `${f}: citation`).toBeGreaterThan(3);
      if (rule.verification && rule.verification !== 'verified') expect(rule.note, `${f}: an unverified rule says why in note`).toBeTruthy();
    }
  });

  it('pack ids are unique and rule ids unique within a pack', () => {
    const ids = lib.regulations.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of lib.regulations) expect(new Set(r.rules.map((x) => x.id)).size).toBe(r.rules.length);
  });

  it('question ids are unique across the bank, and every question is asked by some rule', () => {
    const ids = lib.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const asked = new Set(lib.regulations.flatMap((r) => r.rules.flatMap((x) => x.questions ?? [])));
    expect(ids.filter((id) => !asked.has(id))).toEqual([]);
  });
});

describe('evidence behind verified facts', () => {
  // Read from the YAML: the bundle drops what only lint needs.
  const fromSources = loadLibraryFromSources();
  const packOf = (file: string) => basename(file.slice(DEFAULT_REGULATIONS_DIR.length + 1).split(/[\\/]/)[0]!);
  const pending = new Set(
    readFileSync(join(PACKAGE_ROOT, 'test', 'evidence-pending.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  const missing = fromSources.evidenceIssues.filter((i) => i.file.startsWith(DEFAULT_REGULATIONS_DIR));

  it('a pack off the pending list gives the official source, pinpoint and reading of every verified fact', () => {
    expect(missing.filter((i) => !pending.has(packOf(i.file))).map((i) => `${i.file}:${i.line ?? ''} ${i.pointer} ${i.message}`)).toEqual([]);
  });

  it('the pending list only names packs that still lack evidence (take a pack off when it is done)', () => {
    const lacking = new Set(missing.map((i) => packOf(i.file)));
    expect([...pending].filter((p) => !lacking.has(p))).toEqual([]);
  });
});
