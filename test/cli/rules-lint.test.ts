// `rules lint`: the whole library, or the packs named, with every problem and every missing piece of evidence.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './run.js';

const pending = readFileSync(join(ROOT, 'test', 'evidence-pending.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('rules lint', () => {
  it('a pack whose evidence is recorded passes alone', () => {
    const r = cli(['rules', 'lint', 'eu-gdpr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 packs, \d+ rules: no problems/);
  });

  it('a pack whose verified rule names no source is refused with its own problems only, each located', () => {
    // A user's pack copied from a bundled one, with one rule claiming verified and no evidence.
    const dir = mkdtempSync(join(tmpdir(), 'cf-lint-'));
    cpSync(join(ROOT, 'regulations', 'us-ky-breach'), join(dir, 'zz-unsourced'), { recursive: true });
    const reg = join(dir, 'zz-unsourced', 'regulation.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace('id: us-ky-breach', 'id: zz-unsourced'));
    const rule = join(dir, 'zz-unsourced', 'rules', 'notify-residents.yaml');
    const text = readFileSync(rule, 'utf8');
    expect(text).toContain('verification: secondary');
    writeFileSync(rule, text.replace('verification: secondary', 'verification: verified'));
    const r = cli(['rules', 'lint', 'zz-unsourced', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lack their evidence/);
    const located = r.stderr.split('\n').filter((l) => /\.yaml:\d+:\d+:/.test(l));
    expect(located.map((l) => l.slice(l.indexOf('zz-unsourced')))).toEqual([
      expect.stringMatching(/^zz-unsourced\/rules\/notify-residents\.yaml:\d+:\d+: the rule says verified but names no source/),
      expect.stringMatching(/^zz-unsourced\/rules\/notify-residents\.yaml:\d+:\d+: the rule says verified but not what the provision reads/),
    ]);
    // The bundled library itself records every verified fact's evidence.
    expect(pending).toEqual([]);
    expect(cli(['rules', 'lint']).code).toBe(0);
  });

  it('an unknown pack id is a usage error with a suggestion', () => {
    const r = cli(['rules', 'lint', 'eu-gpdr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no rule pack "eu-gpdr".*eu-gdpr/);
    // a pack's folder for its id: told the id
    const folder = cli(['rules', 'lint', 'regulations/eu-gdpr/']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`no rule pack "regulations/eu-gdpr/" (give the pack's id: eu-gdpr)`);
  });
});

describe('rules list', () => {
  it('says which laws were never read in their official text, not only how many rules were', () => {
    const list = JSON.parse(cli(['rules', 'list', '--format', 'json']).stdout) as {
      packs: Array<{ id: string; officialTextRead: boolean; verification: Record<string, number> }>;
    };
    const pack = (id: string) => list.packs.find((p) => p.id === id)!;
    expect(pack('eu-gdpr').officialTextRead).toBe(true);
    // Pennsylvania's breach law was read only in reproductions and charts (see its note).
    expect(pack('us-pa-breach')).toMatchObject({ officialTextRead: false, verification: { verified: 0 } });
    expect(cli(['rules', 'list']).stdout).toMatch(/\| us-pa-breach \|[^\n]*\| none: the official text was not reached \|/);
    // Kentucky's rules are all secondary, but its data-element parameters were read with an official source: read
    expect(pack('us-ky-breach')).toMatchObject({ officialTextRead: true, verification: { verified: 0 } });
    // a law with one verified rule counts as read
    expect(pack('us-ks-breach')).toMatchObject({ officialTextRead: true });
  });
});
