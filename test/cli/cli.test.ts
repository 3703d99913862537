import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, EXAMPLE, ROOT } from './run.js';
import { validateWith } from '../../src/load/schema.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'complyflow-cli-'));
});

describe('validate', () => {
  it('says what a valid flow holds, in counted words', () => {
    const r = cli(['validate', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/flow\.yaml: valid \(12 data elements, 9 purposes, 7 vendors, 11 flows, 14 markets\)/);
    const one = join(dir, 'one.yaml');
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(one, text.replace(/^markets:\n(  - .*\n(    .*\n)*)+/m, 'markets:\n  - { code: EU, players: 1000 }\n'));
    expect(cli(['validate', one]).stdout).toMatch(/, 1 market\)/);
  });

  it('--format json and github give the same problems to programs and to GitHub Actions, still with exit 2', () => {
    const bad = join(dir, 'typo.yaml');
    writeFileSync(bad, readFileSync(EXAMPLE, 'utf8').replace('category: user.contact.email', 'category: user.contact.emial'));
    const text = cli(['validate', bad]);
    const line = /typo\.yaml:(\d+):(\d+): unknown data category/.exec(text.stderr);
    expect(line).not.toBeNull();

    const json = cli(['validate', bad, '--format', 'json']);
    expect(json.code).toBe(2);
    const out = JSON.parse(json.stdout) as { valid: boolean; issues: Array<{ line: number; column: number; message: string; hint?: string }> };
    expect(out.valid).toBe(false);
    expect(out.issues).toEqual([
      expect.objectContaining({
        line: Number(line![1]),
        column: Number(line![2]),
        message: 'unknown data category "user.contact.emial"',
        hint: 'did you mean user.contact.email?',
      }),
    ]);

    const github = cli(['validate', bad, '--format', 'github']);
    expect(github.code).toBe(2);
    expect(github.stdout.trim().split('\n')).toEqual([
      `::error file=${bad.replace(/:/g, '%3A')},line=${line![1]},col=${line![2]},title=complyflow::unknown data category "user.contact.emial" (did you mean user.contact.email?)`,
    ]);

    const fine = cli(['validate', EXAMPLE, '--format', 'json']);
    expect(fine.code).toBe(0);
    expect(JSON.parse(fine.stdout)).toMatchObject({ valid: true, issues: [] });
    expect(cli(['validate', EXAMPLE, '--format', 'github'])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('check on the bundled example', () => {
  it('prints a Markdown checklist with the not-legal-advice notice', () => {
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is not legal advice');
    expect(r.stdout).toContain('eu-gdpr/processor-contract/vendor:rtc');
  });

  it('writes JSON that matches the report schema, byte-identical across runs, never touching the input', () => {
    const before = sha(EXAMPLE);
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(cli(['check', EXAMPLE, '--format', 'json', '--as-of', '2026-11-25', '--out', a]).code).toBe(0);
    expect(cli(['check', EXAMPLE, '--format', 'json', '--as-of', '2026-11-25', '--out', b]).code).toBe(0);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    expect(sha(EXAMPLE)).toBe(before);
    const report = JSON.parse(readFileSync(a, 'utf8'));
    expect(validateWith('report', a, report)).toEqual([]);
    expect(report.schemaVersion).toBe(1);
    expect(report.asOf).toBe('2026-11-25');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--fail-on exits 1 while high items are open, 0 once they are closed', () => {
    const json = JSON.parse(cli(['check', EXAMPLE, '--format', 'json', '--as-of', '2026-11-25']).stdout);
    const failed = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--fail-on', 'high']);
    expect(failed.code).toBe(1);
    // The log names the failing items (id and severity), worst first, at most 50 then "and N more".
    const gated = json.items.filter(
      (i: { severity: string; status: string; determination: string }) =>
        ['critical', 'high'].includes(i.severity) && i.determination !== 'upcoming' && !['done', 'not-applicable'].includes(i.status),
    );
    const named = [...failed.stderr.matchAll(/^complyflow: open (critical|high): (\S+): /gm)];
    expect(named.length).toBe(Math.min(50, gated.length));
    expect(named.every(([, , id]) => gated.some((i: { id: string }) => i.id === id))).toBe(true);
    if (gated.length > 50) expect(failed.stderr).toContain(`and ${gated.length - 50} more open items`);
    const status = join(dir, 'status.yaml');
    const lines = ['version: 1', 'items:'];
    for (const item of json.items) lines.push(`  "${item.id}": { status: done, evidence: [signed.pdf] }`);
    writeFileSync(status, lines.join('\n') + '\n');
    const r = cli(['check', EXAMPLE, '--as-of', '2026-11-25', '--fail-on', 'low', '--status', status]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('--market limits the laws', () => {
    const json = JSON.parse(cli(['check', EXAMPLE, '--format', 'json', '--as-of', '2026-11-25', '--market', 'SG']).stdout);
    const jurisdictions = new Set(json.regulations.map((r: { jurisdiction: string }) => r.jurisdiction));
    expect(jurisdictions.has('SG')).toBe(true);
    expect([...jurisdictions].every((j) => j === 'SG' || j === 'GLOBAL')).toBe(true);
  });
});

describe('bad input: a plain message with file:line:column and exit 2', () => {
  const write = (name: string, content: string | Buffer) => {
    const f = join(dir, name);
    writeFileSync(f, content);
    return f;
  };
  const expectInputError = (args: string[], pattern: RegExp) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return r;
  };

  it('collects every error in one run, with did-you-mean', () => {
    const f = write(
      'bad.yaml',
      [
        'version: 1',
        'game: { id: g, name: G }',
        'controller: { name: S, revenueShareFromDataSales: 1.5 }',
        'markets: [{ code: EUU, players: -1 }]',
        'audience: {}',
        'data:',
        '  - { id: email, category: user.contact.emial, subjects: [player] }',
        'purposes:',
        '  - { id: p, use: essential.service, data: [emial], lawfullBasis: consent }',
        'flows:',
        '  - { from: nowhere, to: p, data: [email], purpose: q }',
      ].join('\n'),
    );
    const r = expectInputError(['validate', f], /bad\.yaml:7:\d+: unknown data category "user\.contact\.emial" \(did you mean user\.contact\.email\?\)/);
    expect(r.stderr).toMatch(/bad\.yaml:3:\d+: .*revenueShareFromDataSales.*<= 1/);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+: unknown market "EUU" \(did you mean EU\?\)/);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+: .*players.*>= 0/);
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+: unknown data element "emial" \(did you mean email\?\)/);
    expect(r.stderr).toMatch(/bad\.yaml:9:\d+: unknown key "lawfullBasis".*did you mean lawfulBasis\?/);
    expect(r.stderr).toMatch(/bad\.yaml:11:\d+: unknown system, vendor or affiliate "nowhere"/);
    expect(r.stderr).toMatch(/bad\.yaml:11:\d+: unknown purpose "q"/);
  });

  it('a flow whose data is not part of its purpose', () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace(
      '{ from: client, to: adnet, data: [ad-id, ip, gameplay], purpose: ads }',
      '{ from: client, to: adnet, data: [ad-id, email], purpose: ads }',
    );
    expectInputError(['validate', write('notpart.yaml', text)], /notpart\.yaml:\d+:\d+: data "email" is not part of purpose "ads"/);
  });

  it('duplicate ids', () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace('  - id: username\n', '  - id: email\n');
    expectInputError(['validate', write('dup.yaml', text)], /dup\.yaml:\d+:\d+: duplicate data element id "email"/);
  });

  it.each([
    ['malformed YAML', 'syntax.yaml', 'version: 1\ngame: {id: g\n', /syntax\.yaml:\d+:\d+: YAML syntax/],
    [
      'an alias bomb',
      'bomb.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      /bomb\.yaml:1:1: too many YAML aliases/,
    ],
    ['a __proto__ key', 'proto.yaml', 'version: 1\n__proto__: { polluted: true }\n', /proto\.yaml:2:1: the key "__proto__" is not allowed/],
    ['a constructor key', 'ctor.yaml', 'version: 1\ngame: { constructor: x }\n', /ctor\.yaml:2:\d+: the key "constructor" is not allowed/],
    ['a binary file', 'binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), /binary\.yaml:1:\d+: this is a binary file/],
    [
      'nesting deep enough to overflow the parser',
      'deep.yaml',
      `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      /deep\.yaml:1:\d+: the YAML is nested too deeply to read/,
    ],
    ['non-UTF-8 text', 'latin1.yaml', Buffer.from('version: 1\nname: caf\xe9\n', 'latin1'), /latin1\.yaml:2:\d+: the file is not valid UTF-8/],
  ])('%s', (_name, file, content, pattern) => {
    expectInputError(['validate', write(file, content as string)], pattern);
  });

  it('a very large file', () => {
    const big = write('big.yaml', Buffer.alloc(33 * 1024 * 1024, 0x20));
    expectInputError(['validate', big], /big\.yaml(:1:1)?: file is too large/);
  });

  it('a missing file', () => {
    expectInputError(['check', join(dir, 'nope.yaml')], /nope\.yaml: file not found/);
  });

  it('bad options', () => {
    expectInputError(['check', EXAMPLE, '--format', 'pdf'], /--format "pdf" must be one of/);
    expectInputError(['check', EXAMPLE, '--as-of', '2026-02-30'], /--as-of "2026-02-30" is not a date/);
    expectInputError(['check', EXAMPLE, '--market', 'XY'], /--market "XY" is not a known market/);
    expectInputError(['check', EXAMPLE, '--fail-on', 'severe'], /--fail-on "severe" must be one of/);
    expectInputError(['frobnicate'], /unknown command/);
  });

  it('an output place that cannot take the file is a plain usage error, and leaves nothing behind', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    expectInputError(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', folder], /cannot write .*a-folder: it is a folder; give a file name/);
    expect(readdirSync(dir).filter((f) => f.startsWith('a-folder.'))).toEqual([]);
    const underFile = join(dir, 'syntax.yaml', 'report.md');
    expectInputError(['check', EXAMPLE, '--as-of', '2026-11-25', '--out', underFile], /cannot write .*report\.md: a part of the path is a file, not a folder/);
  });

  it('nothing is half-written when the input is bad', () => {
    const out = join(dir, 'never.json');
    expectInputError(['check', join(dir, 'syntax.yaml'), '--format', 'json', '--out', out], /YAML syntax/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('other commands', () => {
  it('the built bin is executable, so npx complyflow runs it', () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('init writes a flow that validates, and refuses to overwrite', () => {
    const f = join(dir, 'init', 'complyflow.yaml');
    expect(cli(['init', f]).code).toBe(0);
    expect(cli(['validate', f]).code).toBe(0);
    expect(cli(['init', f]).code).toBe(2);
  });

  it('init points the editor at a schema that exists from where the file is written', () => {
    const f = join(dir, 'init-schema', 'deep', 'complyflow.yaml');
    expect(cli(['init', f]).code).toBe(0);
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(f, 'utf8'))?.[1];
    expect(schema).toBeDefined();
    expect(existsSync(resolve(dirname(f), schema!))).toBe(true);
    expect(schema).not.toMatch(/node_modules/); // a clone has no node_modules/complyflow
  });

  it('rules list --format json describes every pack', () => {
    const rows = (JSON.parse(cli(['rules', 'list', '--format', 'json']).stdout) as { packs: Array<Record<string, unknown>> }).packs;
    const gdpr = rows.find((r) => r.id === 'eu-gdpr')!;
    expect(Object.keys(gdpr)).toEqual(expect.arrayContaining(['id', 'name', 'jurisdiction', 'inForce', 'sources', 'lastReviewed', 'rules']));
    expect(gdpr.rules).toBeGreaterThan(0);
    // how much of each pack was checked against the law's text, counted as the rule files say
    for (const row of rows) {
      const v = row.verification as { verified: number; secondary: number; unverified: number };
      expect(v.verified + v.secondary + v.unverified).toBe(row.rules);
    }
    const vt = rows.find((r) => r.id === 'us-vt-vdposa')!;
    const rulesDir = join(ROOT, 'regulations', 'us-vt-vdposa', 'rules');
    const marked = (level: string) =>
      readdirSync(rulesDir).filter((f) => !f.endsWith('.test.yaml') && readFileSync(join(rulesDir, f), 'utf8').includes(`\nverification: ${level}\n`)).length;
    expect(vt.verification).toEqual({
      verified: (vt.rules as number) - marked('secondary') - marked('unverified'),
      secondary: marked('secondary'),
      unverified: marked('unverified'),
    });
    expect(marked('unverified')).toBeGreaterThan(0);
  });

  it('rules show prints one rule as Markdown (as its help says), or as JSON, and suggests near misses', () => {
    const r = cli(['rules', 'show', 'eu-gdpr/processor-contract']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# .*\(`eu-gdpr`\)\n\n### processor-contract\n/);
    expect(r.stdout).toMatch(/- Citation: \[GDPR Art\. 28/);
    expect(cli(['rules', 'show', 'eu-gdpr/processor-contract', '--help']).stdout).toContain('as Markdown');
    const json = cli(['rules', 'show', 'eu-gdpr/processor-contract', '--format', 'json']);
    expect(JSON.parse(json.stdout).citation).toMatch(/Art\. 28/);
    const pack = cli(['rules', 'show', 'eu-gdpr']);
    expect(pack.stdout).toMatch(/^# General Data Protection Regulation.*\n/);
    expect(pack.stdout).toContain('| [processor-contract](#processor-contract) |');
    expect(cli(['rules', 'show', 'eu-gdpr', '--format', 'yaml']).code).toBe(2);
    const miss = cli(['rules', 'show', 'eu-gdpr/processor-contrat']);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain('did you mean processor-contract?');
  });
});

describe('start-up', () => {
  // A JSON check loads only what it uses: renderers, the template engine,
  // CSV and XLSX libraries load when a format or a rule text needs them.
  it('a JSON check loads no template engine, CSV or XLSX library', () => {
    const script = `
      const { createRequire } = await import('node:module');
      const { main } = await import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'main.js'))});
      const io = { cwd: process.cwd(), stdout() {}, stderr: (s) => process.stderr.write(s), today: () => '2026-11-25' };
      const code = await main(['check', ${JSON.stringify(EXAMPLE)}, '--format', 'json', '--as-of', '2026-11-25'], io);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('node_modules')).map((f) => f.split('node_modules/').pop().split('/')[0]);
      console.log(JSON.stringify({ code, loaded: [...new Set(loaded)].sort() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const { code, loaded } = JSON.parse(r.stdout) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(loaded).toContain('yaml');
    for (const heavy of ['handlebars', 'csv-parse', 'csv-stringify', 'exceljs']) expect(loaded).not.toContain(heavy);
  });
});
