// Named conditions: defined once (a pack's regulation.yaml or conditions/*.yaml),
// referenced as {ref: name}, expanded when the pack loads. Mistakes are located
// at the reference; the expansion judges exactly as the condition written out.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadLibraryFromSources } from '../../src/library.js';
import { DEFAULT_REGULATIONS_DIR } from '../../src/load/regulations.js';

const root = mkdtempSync(join(tmpdir(), 'complyflow-named-'));

/** Oregon's pack has its own conditions: block; extra named conditions join it rather than repeat the key. */
const withConditions = (regulation: string, extra: string): string =>
  extra.startsWith('conditions:\n') ? regulation.replace(/^conditions:\n/m, extra) : regulation + extra;

/** A copy of Oregon's pack (it uses the shared sale-by-vendor; Virginia now has its own sale test) under another id, with its opt-out rule's condition replaced. */
function packWith(name: string, when: string, regulationExtra = ''): string {
  const dir = join(root, name);
  const pack = join(dir, `acme-${name}`);
  cpSync(join(DEFAULT_REGULATIONS_DIR, 'us-or-ocpa'), pack, { recursive: true });
  const reg = join(pack, 'regulation.yaml');
  writeFileSync(reg, withConditions(readFileSync(reg, 'utf8').replace(/^id: us-or-ocpa$/m, `id: acme-${name}`), regulationExtra));
  const rule = join(pack, 'rules', 'opt-out-targeted-advertising-sale.yaml');
  writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^when:\n(  .*\n)+/m, `when:\n${when}`));
  return dir;
}

const issues = (dir: string) => loadLibraryFromSources([dir]).issues.map((i) => ({ file: i.file.slice(root.length + 1), line: i.line, message: i.message }));

describe('named conditions', () => {
  it('the bundled US packs refer to the shared library and load without problems', () => {
    const lib = loadLibraryFromSources();
    expect(lib.issues).toEqual([]);
    const rule = lib.regulations.find((r) => r.id === 'us-or-ocpa')!.rules.find((r) => r.id === 'opt-out-targeted-advertising-sale')!;
    expect(JSON.stringify(rule.whenAsWritten)).toContain('"ref":"sale-for-consideration"');
    expect(JSON.stringify(rule.when)).not.toContain('"ref"');
    expect(JSON.stringify(rule.when)).toContain('"sellsOrShares":true');
  });

  it('a shared reference expands to the same condition object in every rule (its outcomes are cached once)', () => {
    const lib = loadLibraryFromSources();
    const co = lib.regulations.find((r) => r.id === 'us-or-ocpa')!;
    const found: object[] = [];
    const collect = (c: unknown): void => {
      if (c === null || typeof c !== 'object') return;
      if (JSON.stringify(c) === JSON.stringify({ vendor: { role: ['third-party', 'controller', 'joint-controller'], sellsOrShares: true } })) found.push(c);
      else Object.values(c).forEach(collect);
    };
    co.rules.forEach((r) => collect(r.when));
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found).size).toBe(1);
  });

  it('an unknown name is located at the reference, with a did-you-mean', () => {
    const dir = packWith('unknown', '  ref: sale-by-vendr\n');
    const found = loadLibraryFromSources([dir]).issues;
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('unknown named condition "sale-by-vendr"');
    expect(found[0]!.hint).toContain('sale-by-vendor');
    expect(found[0]!.line).toBe(11);
  });

  it("a pack's own named condition works, may use shared ones, and cannot take a shared name", () => {
    const own = packWith(
      'own',
      '  ref: ads-or-sale\n',
      'conditions:\n  ads-or-sale:\n    description: ads or a sale\n    when:\n      any:\n        - use: { param: targetedAdvertisingUses }\n        - ref: sale-by-vendor\n',
    );
    expect(issues(own)).toEqual([]);
    const clash = packWith('clash', '  ref: sale-by-vendor\n', 'conditions:\n  sale-by-vendor:\n    description: mine\n    when: { always: true }\n');
    expect(issues(clash).map((i) => i.message)).toEqual(['named condition "sale-by-vendor" is already defined in the shared library']);
  });

  it('a cycle is refused, once, where it is defined', () => {
    const dir = packWith(
      'cycle',
      '  ref: a\n',
      'conditions:\n  a:\n    description: a\n    when: { ref: b }\n  b:\n    description: b\n    when: { any: [{ ref: a }, { always: true }] }\n',
    );
    const msgs = issues(dir).map((i) => i.message);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/refers to itself \(a → b → a\)/);
  });

  it('a parameter a shared condition reads is checked against each law that uses it, at the reference', () => {
    const dir = packWith('params', '  ref: targeted-advertising-or-sale\n');
    const reg = join(dir, 'acme-params', 'regulation.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replaceAll('targetedAdvertisingUses', 'adUses'));
    const found = issues(dir).filter((i) => i.file === 'params/acme-params/rules/opt-out-targeted-advertising-sale.yaml');
    expect(found).toEqual([
      { file: 'params/acme-params/rules/opt-out-targeted-advertising-sale.yaml', line: 11, message: 'unknown parameter "targetedAdvertisingUses"' },
    ]);
  });

  it('the bundle and the sources give the same expanded rules', () => {
    const fromSources = loadLibraryFromSources().regulations.find((r) => r.id === 'us-tx-tdpsa')!;
    const fromBundle = loadLibrary().regulations.find((r) => r.id === 'us-tx-tdpsa')!;
    expect(JSON.parse(JSON.stringify(fromBundle.rules))).toEqual(JSON.parse(JSON.stringify(fromSources.rules)));
  });
});
